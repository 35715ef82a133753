using Governance.Api.Commands;
using Governance.Api.Alliances;
using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Domain;
using Governance.Domain.Alliances;
using Governance.EventStore;
using Governance.Projections.Alliances;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Governance.Api.Presentation;

/// <summary>
/// What every page under /allianties/{alliance} needs: the alliance as it stands now (or a Dutch 404), the names
/// of its people, the signed-in actor, and one way to run a command exactly as the JSON API does — through the
/// <see cref="Commands"/> with the same <see cref="CommandMetadata"/> — turning a refusal into a Dutch
/// message instead of a problem response.
/// </summary>
public abstract class AlliancePageModel(AllianceQueries queries, PeopleDirectory people, CommandBus pipeline) : PageModel
{
    protected PeopleDirectory People { get; } = people;

    private IReadOnlyDictionary<PersonId, string> _names = new Dictionary<PersonId, string>();
    private AllianceView? _alliance;

    /// <summary>The alliance id as typed in the address, for the "does not exist" page.</summary>
    public string Requested => RouteData.Values["alliance"] as string ?? "";

    /// <summary>Null when no alliance has that address; the page then shows the Dutch 404.</summary>
    public AllianceView? Found => _alliance;

    /// <summary>The alliance; only read it after a successful <see cref="LoadAsync"/>.</summary>
    public AllianceView Alliance => _alliance ?? throw new InvalidOperationException("The alliance was not loaded.");

    public string BasePath => $"/allianties/{Alliance.Id.Value}";

    public Actor? Actor => HttpContext.GetActor();

    public bool Has(Role role) => Actor?.Has(Alliance.Id, role) == true;

    /// <summary>After a successful post the page redirects (post/redirect/get) and says what happened here.</summary>
    [TempData]
    public string? Message { get; set; }

    public FormErrors Errors { get; } = new();

    public string NameOf(PersonId person) => _names.TryGetValue(person, out var name) && name.Length > 0 ? name : "(naam onbekend)";

    /// <summary>Loads the alliance and its people's names; false (with status 404) when there is no such alliance.</summary>
    protected async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        _alliance = AllianceId.TryParse(Requested, out var id) ? await queries.GetAsync(id, cancellationToken: cancellationToken) : null;
        if (_alliance is null)
        {
            // The page renders its own Dutch "does not exist" text; a body stops the generic error page re-executing.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }
        _names = await People.NamesAsync(AllianceResponses.PeopleIn(_alliance), cancellationToken);
        return true;
    }

    /// <summary>Adds the names of people who are not (or no longer) at the table, such as the core group or who raised a dispute.</summary>
    protected async Task AddNamesAsync(IEnumerable<PersonId> people, CancellationToken cancellationToken)
    {
        var missing = people.Where(p => !_names.ContainsKey(p)).Distinct().ToList();
        if (missing.Count == 0) return;
        var found = await People.NamesAsync(missing, cancellationToken);
        _names = _names.Concat(found.Where(f => !_names.ContainsKey(f.Key))).ToDictionary(f => f.Key, f => f.Value);
    }

    /// <summary>
    /// Null when the actor holds one of <paramref name="roles"/> here; otherwise the answer the API would give: sign in
    /// first (to /inloggen and back), or 403, which shows the Dutch error page. Hiding a form is no protection by itself.
    /// </summary>
    protected IActionResult? Refuse(IReadOnlyList<Role> roles) =>
        Actor is null ? Challenge()
        : roles.Any(Has) ? null
        : StatusCode(StatusCodes.Status403Forbidden);

    /// <summary>
    /// Runs <paramref name="command"/> on the alliance stream as the API does. A refused rule or a lasting conflict
    /// becomes a Dutch error in <see cref="Errors"/> (next to the field it concerns) and null is returned.
    /// </summary>
    protected Task<CommandOutcome?> ExecuteAsync(
        Func<Instant, AllianceCommand> command, IReadOnlyList<Role> roles, IReadOnlyDictionary<string, FormErrors.Field> fields,
        CancellationToken cancellationToken) =>
        ExecuteAsync(Domain.Alliances.Alliance.Decider, Domain.Alliances.Alliance.StreamId, command, roles, fields, cancellationToken);

    /// <summary>
    /// Runs <paramref name="command"/> on another stream of the alliance's tenant (a meeting's) the same way: one
    /// pipeline, the same metadata, and a refusal as Dutch text in <see cref="Errors"/>.
    /// </summary>
    protected async Task<CommandOutcome?> ExecuteAsync<TCommand, TEvent, TState>(
        Decider<TCommand, TEvent, TState> decider, string stream, Func<Instant, TCommand> command, IReadOnlyList<Role> roles,
        IReadOnlyDictionary<string, FormErrors.Field> fields, CancellationToken cancellationToken)
        where TEvent : class
    {
        try
        {
            return await pipeline.HandleAsync(decider, Alliance.Id.Value, stream, command,
                CommandMetadata.For(HttpContext, HttpContext.ActingRole(Alliance.Id, roles)), ifMatch: null, cancellationToken);
        }
        catch (RuleViolated refusal)
        {
            Errors.Add(RuleMessage.For(refusal.Code), fields);
        }
        catch (InvalidTextException)
        {
            // A field the page's validator does not check (issue 12 §1): nothing was recorded.
            Errors.Add(null, TextInput.DutchFormMessage);
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
