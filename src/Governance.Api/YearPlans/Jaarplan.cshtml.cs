using Governance.Api.Commands;
using FluentValidation;
using Governance.Api.Alliances;
using Governance.Api.Auth;
using Governance.Api.Commitments;
using Governance.Api.Http;
using Governance.Api.Presentation;
using Governance.Api.YearPlans;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.YearPlans;
using Governance.Projections.Alliances;
using Governance.Projections.Commitments;
using Governance.Projections.YearPlans;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Governance.Api.YearPlans;

/// <summary>
/// The year plan and the long-term plan (R11; the timeline links here): goals with their owner and target date, dreams
/// apart, progress notes, and the promises that serve each goal with their status. Public like the API's read; the
/// forms follow the API: the chair and secretary set goals and link promises, a goal's owner (or an officer) reports
/// progress and achievement.
/// </summary>
public sealed class JaarplanModel(
    AllianceQueries queries, PeopleDirectory people, CommandBus pipeline, YearPlanQueries plans, CommitmentQueries commitments,
    IValidator<SetGoalRequest> goalValidator, IValidator<GoalNoteRequest> noteValidator, IValidator<LinkGoalCommitmentRequest> linkValidator,
    TimeProvider clock)
    : AlliancePageModel(queries, people, pipeline)
{
    private static readonly Role[] GoalSetters = [Role.Chair, Role.Secretary];

    private YearPlanView? _plan;
    private Dictionary<string, CommitmentView> _commitments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _kept = new(StringComparer.Ordinal);

    public string RequestedPlan => RouteData.Values["plan"] as string ?? "";

    public YearPlanView? PlanFound => _plan;

    public YearPlanView View => _plan ?? throw new InvalidOperationException("The plan was not loaded.");

    public Instant Now { get; private set; }

    public string? OpenForm { get; private set; }

    /// <summary>Every promise of the alliance (id, owner, what), by due date: the choices when linking one to a goal.</summary>
    public IReadOnlyList<(CommitmentId Id, PartnerId Owner, string What)> AllCommitments { get; private set; } = [];

    public bool MaySetGoals => GoalSetters.Any(Has);

    /// <summary>As the API: for a goal with an owner, its representative or an officer; for a dream, the chair or secretary.</summary>
    public bool MayReport(YearPlan.Goal goal) =>
        Actor is not null && YearPlanEndpoints.GoalReporters.Any(Has)
        && (goal.Owner is { } owner ? CommitmentEndpoints.ActsFor(HttpContext, Alliance.Id, owner) : Has(Role.Chair) || Has(Role.Secretary));

    public string? Kept(string inputId) => _kept.TryGetValue(inputId, out var value) ? value : null;

    public bool IsOpen(string form) => OpenForm == form;

    public IEnumerable<YearPlan.Goal> Goals(GoalHorizon horizon) =>
        View.State.Goals.Values.Where(g => g.Horizon == horizon).OrderBy(g => g.TargetDate).ThenBy(g => g.Title, StringComparer.CurrentCulture);

    public IEnumerable<(Instant At, string Note)> ProgressOf(GoalId goal) =>
        View.History.Where(h => h.Event is GoalProgressReported p && p.Goal == goal).Select(h => (h.RecordedAt, ((GoalProgressReported)h.Event).Note));

    public string? AchievementNote(GoalId goal) =>
        View.History.Select(h => h.Event).OfType<GoalAchieved>().FirstOrDefault(a => a.Goal == goal)?.Note;

    public CommitmentView? Commitment(CommitmentId id) => _commitments.GetValueOrDefault(id.Value);

    /// <summary>How far the goals are, as bars (issue 13).</summary>
    public Presentation.Charts.BarChart GoalChart =>
        YearPlans.GoalChart.For(View.State.Goals.Values, id => Commitment(id)?.State.StatusAt(Now));

    public string PartnerName(PartnerId partner) => Alliance.Partner(partner)?.Name ?? partner.Value;

    public static string ProgressInputId(GoalId goal) => $"voortgang-{goal.Value}";

    public static string AchieveInputId(GoalId goal) => $"bereikt-{goal.Value}";

    public static string LinkInputId(GoalId goal) => $"koppelen-{goal.Value}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadPlanAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDoelAsync(string? horizon, string? title, string? owner, string? targetDate, CancellationToken cancellationToken)
    {
        if (await BeginAsync(GoalSetters, "doel", cancellationToken) is { } stop) return stop;
        foreach (var (k, v) in new[] { ("doel-soort", horizon), ("doel-titel", title), ("doel-eigenaar", owner), ("doel-datum", targetDate) }) _kept[k] = v;
        var fields = FormErrors.Fields(
            ("Horizon", "doel-soort-kort", "Kies wat voor doel het is.", null),
            ("Title", "doel-titel", "Vul het doel in.", null),
            ("Id", "doel-titel", "Gebruik in het doel ook letters of cijfers.", null),
            ("Owner", "doel-eigenaar", "Kies welke partner eigenaar is (afspraak R11).", null),
            ("TargetDate", "doel-datum", "Vul in wanneer het doel bereikt moet zijn (afspraak R11).", "Vul de datum in als dag-maand-jaar."));
        var id = FreeGoalId(AlliantieModel.SlugFrom(title ?? ""));
        var request = new SetGoalRequest(id.Length == 0 ? null : id, string.IsNullOrEmpty(horizon) ? null : horizon, title,
            string.IsNullOrEmpty(owner) ? null : owner, string.IsNullOrEmpty(targetDate) ? null : targetDate, null);
        var validation = await goalValidator.ValidateAsync(request, cancellationToken);
        if (string.IsNullOrWhiteSpace(title)) validation.Errors.RemoveAll(e => e.PropertyName == nameof(SetGoalRequest.Id));
        Errors.Add(validation, fields);
        if (Errors.Any) return Page();
        PartnerId? ownerId = request.Owner is null ? null : PartnerId.Parse(request.Owner);
        if (ownerId is { } o && Alliance.Partner(o) is not { IsMember: true })
        {
            Errors.Add(RuleMessage.For("partner.not-a-member"), new Dictionary<string, FormErrors.Field> { ["Partner"] = fields["Owner"] });
            return Page();
        }
        LocalDate? target = PromiseRules.TryParseDate(request.TargetDate, out var t) ? t : null;
        var goal = GoalId.Parse(id);
        var kind = Kebab.Parse<GoalHorizon>(horizon!);
        return await RunAsync(now => new SetGoal(goal, kind, title!.Trim(), ownerId, target, [], now), GoalSetters, fields,
            kind == GoalHorizon.Dream ? "De droom staat in het plan." : "Het doel staat in het plan.", cancellationToken);
    }

    public async Task<IActionResult> OnPostVoortgangAsync(string? goal, string? note, CancellationToken cancellationToken) =>
        await NoteAsync(goal, note, achieve: false, cancellationToken);

    public async Task<IActionResult> OnPostBereiktAsync(string? goal, string? note, CancellationToken cancellationToken) =>
        await NoteAsync(goal, note, achieve: true, cancellationToken);

    public async Task<IActionResult> OnPostKoppelenAsync(string? goal, string? commitment, CancellationToken cancellationToken)
    {
        if (await BeginAsync(GoalSetters, $"koppelen-{goal}", cancellationToken) is { } stop) return stop;
        if (GoalOf(goal) is not { } g) return Page();
        var inputId = LinkInputId(g.Id);
        _kept[inputId] = commitment;
        var fields = FormErrors.Fields(("Commitment", inputId, "Kies een belofte.", null));
        Errors.Add(await linkValidator.ValidateAsync(new LinkGoalCommitmentRequest(string.IsNullOrEmpty(commitment) ? null : commitment), cancellationToken), fields);
        if (Errors.Any) return Page();
        var id = CommitmentId.Parse(commitment!);
        if (!AllCommitments.Any(c => c.Id == id))
        {
            Errors.Add(inputId, "Deze belofte bestaat niet bij deze alliantie.");
            return Page();
        }
        return await RunAsync(now => new LinkGoalCommitment(g.Id, id, now), GoalSetters, fields, "De belofte hoort nu bij het doel.", cancellationToken);
    }

    private async Task<IActionResult> NoteAsync(string? goal, string? note, bool achieve, CancellationToken cancellationToken)
    {
        var form = achieve ? "bereikt" : "voortgang";
        if (await BeginAsync(YearPlanEndpoints.GoalReporters, $"{form}-{goal}", cancellationToken) is { } stop) return stop;
        if (GoalOf(goal) is not { } g) return Page();
        if (!MayReport(g)) return StatusCode(StatusCodes.Status403Forbidden);
        var inputId = achieve ? AchieveInputId(g.Id) : ProgressInputId(g.Id);
        _kept[inputId] = note;
        var fields = FormErrors.Fields(("Note", inputId, achieve ? "Schrijf op hoe het doel is bereikt." : "Schrijf op wat er is gebeurd.", null));
        Errors.Add(await noteValidator.ValidateAsync(new GoalNoteRequest(note), cancellationToken), fields);
        if (Errors.Any) return Page();
        return await RunAsync(now => achieve ? new AchieveGoal(g.Id, note!.Trim(), now) : new ReportGoalProgress(g.Id, note!.Trim(), now),
            YearPlanEndpoints.GoalReporters, fields, achieve ? "Het doel is bereikt." : "De voortgang is vastgelegd.", cancellationToken);
    }

    private YearPlan.Goal? GoalOf(string? goal)
    {
        if (GoalId.TryParse(goal, out var id) && View.State.Goals.TryGetValue(id, out var found)) return found;
        Errors.Add(null, RuleMessage.For("goal.unknown").Text);
        return null;
    }

    private async Task<IActionResult?> BeginAsync(IReadOnlyList<Role> roles, string form, CancellationToken cancellationToken)
    {
        if (!await LoadPlanAsync(cancellationToken)) return Page();
        if (Refuse(roles) is { } refused) return refused;
        OpenForm = form;
        return null;
    }

    private async Task<IActionResult> RunAsync(
        Func<Instant, YearPlanCommand> command, IReadOnlyList<Role> roles, IReadOnlyDictionary<string, FormErrors.Field> fields, string message,
        CancellationToken cancellationToken)
    {
        var outcome = await ExecuteAsync(YearPlan.Decider, View.Id.StreamId, command, roles, fields, cancellationToken);
        if (outcome is null) return Page();
        Message = outcome.Events.Count == 0 ? "Dat was al zo. Er is niets veranderd." : message;
        return RedirectToPage();
    }

    private string FreeGoalId(string slug)
    {
        if (slug.Length == 0 || _plan is null) return slug;
        if (slug.Length > 60) slug = slug[..60].TrimEnd('-');
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? slug : $"{slug}-{n}";
            if (!GoalId.TryParse(candidate, out var id) || !View.State.Goals.ContainsKey(id)) return candidate;
        }
    }

    private async Task<bool> LoadPlanAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return false;
        _plan = YearPlanId.TryParse(RequestedPlan, out var id) ? await plans.GetAsync(Alliance.Id, id, null, cancellationToken) : null;
        if (_plan is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }
        Now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        // Only the promises the goals name are read in full; the form's choices are three fields per promise.
        var linked = View.State.Goals.Values.SelectMany(g => g.Commitments);
        _commitments = (await commitments.GetManyAsync(Alliance.Id, linked, cancellationToken)).ToDictionary(c => c.Id.Value, StringComparer.Ordinal);
        if (MaySetGoals) AllCommitments = await commitments.ChoicesAsync(Alliance.Id, cancellationToken);
        return true;
    }
}
