using Governance.Api.Commands;
using Governance.Api.Alliances;
using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Proposals;
using Governance.EventStore;
using Governance.Projections.Alliances;
using Governance.Projections.Proposals;
using NodaTime;

namespace Governance.Api.Proposals;

/// <summary>
/// What the decision pages share on top of <see cref="AlliancePageModel"/>: partner names, reading a proposal, and
/// running a proposal command exactly as the API does (the same <see cref="Commands"/> and
/// <see cref="CommandMetadata"/>), with a refusal as Dutch text in <see cref="AlliancePageModel.Errors"/>.
/// </summary>
public abstract class ProposalPageModel(AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, ProposalQueries proposals)
    : AlliancePageModel(queries, people, pipeline)
{
    private readonly CommandBus _pipeline = pipeline;

    protected ProposalQueries Proposals { get; } = proposals;

    /// <summary>The partner's name; a partner that left keeps its name on the record.</summary>
    public string PartnerName(PartnerId partner) => Alliance.Partner(partner)?.Name ?? partner.Value;

    public string DecisionPath(ProposalId proposal) => $"{BasePath}/besluiten/{proposal.Value}";

    /// <summary>The meeting page (the meeting pages' route), for links.</summary>
    public string MeetingPath(Domain.Meetings.MeetingId meeting) => $"{BasePath}/vergaderingen/{meeting.Value}";

    /// <summary>Loads the proposal from the route value "proposal"; null (and 404) when there is none.</summary>
    protected async Task<ProposalView?> LoadProposalAsync(CancellationToken cancellationToken)
    {
        var requested = RouteData.Values["proposal"] as string;
        var view = ProposalId.TryParse(requested, out var id) ? await Proposals.GetAsync(Alliance.Id, id, cancellationToken: cancellationToken) : null;
        if (view is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return view;
    }

    /// <summary>Validates with the API's own validator; the failures go to <see cref="AlliancePageModel.Errors"/> in the page's words. True when valid.</summary>
    protected async Task<bool> ValidAsync<TRequest>(TRequest request, IReadOnlyDictionary<string, FormErrors.Field> fields, CancellationToken cancellationToken)
    {
        var validator = HttpContext.RequestServices.GetRequiredService<FluentValidation.IValidator<TRequest>>();
        Errors.Add(await validator.ValidateAsync(request, cancellationToken), fields);
        return !Errors.Any;
    }

    /// <summary>Runs a command on the proposal's stream as the API does; a refusal becomes a Dutch error and null is returned.</summary>
    protected async Task<CommandOutcome?> ExecuteAsync(
        ProposalId proposal, Func<Instant, ProposalCommand> command, IReadOnlyList<Role> roles,
        IReadOnlyDictionary<string, FormErrors.Field> fields, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.HandleAsync(Proposal.Decider, Alliance.Id.Value, proposal.StreamId, command,
                CommandMetadata.For(HttpContext, HttpContext.ActingRole(Alliance.Id, roles)), ifMatch: null, cancellationToken);
        }
        catch (RuleViolated refusal)
        {
            Errors.Add(RuleMessage.For(refusal.Code), fields);
        }
        catch (IdempotencyKeyReusedException)
        {
            // The browser sent an old form again with other values (after Back, for instance).
            Errors.Add(null, "Dit formulier is al eens verstuurd, met andere gegevens. Vul het opnieuw in en verstuur het nog een keer.");
        }
        catch (ConcurrencyException)
        {
            Errors.Add(null, "Iemand anders veranderde op hetzelfde moment iets. Kijk of uw wijziging nog nodig is en probeer het opnieuw.");
        }
        return null;
    }
}
