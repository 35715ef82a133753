using System.Globalization;
using Governance.Domain.Alliances;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.Domain.YearPlans;
using Governance.EventStore;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using NodaTime;

namespace Governance.Projections.Timeline;

/// <summary>
/// Every event of an alliance as one plain-Dutch sentence, for the timeline the core group shows others.
/// People appear as <c>{p-…}</c> placeholders, filled in with names on read (names are erasable; the timeline is not).
/// </summary>
public sealed partial class TimelineProjection : EventProjection
{
    public TimelineProjection()
    {
        Name = "timeline";
        // Every event of the domain (an abstract or open type here would match nothing).
        foreach (var e in DomainJson.EventTypes) IncludeType(e.Type);
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        var (sentence, link) = Describe(e.TenantId, e.Data, e.StreamKey);
        var metadata = Ledger.MetadataOf(e);
        operations.ForTenant(e.TenantId).Store(new TimelineEntryDocument
        {
            Id = e.Id,
            Sequence = e.Sequence,
            StreamId = e.StreamKey!,
            EventType = e.EventTypeName,
            RecordedAt = e.Timestamp,
            OccurredAt = Ledger.OccurredAtOf(e),
            ActorId = metadata.ActorId,
            ActorRole = metadata.Role,
            Sentence = sentence,
            Link = link,
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The Dutch sentence (B1) for one event, and where to read more. <paramref name="stream"/> is the event's stream:
    /// a meeting's events do not repeat the meeting's id, so its link comes from the stream (<c>meeting-&lt;id&gt;</c>).
    /// </summary>
    public static (string Sentence, string? Link) Describe(string tenant, object e, string? stream = null)
    {
        var alliance = $"/allianties/{tenant}";
        return e switch
        {
            MeetingEvent m => DescribeMeeting(alliance, stream, m),
            CommitmentEvent c => DescribeCommitment(alliance, stream, c),
            YearPlanEvent y => DescribeYearPlan(alliance, stream, y),
            EscalationEvent x => DescribeEscalation(alliance, stream, x),
            ProposalEvent p => DescribeProposal(alliance, stream, p),
            AllianceFounded f => ($"De wijkalliantie {f.Name} is opgericht.", alliance),
            WorkingAgreementsAdopted a => ($"De werkafspraken (versie {a.Agreements.Version}) gelden vanaf nu.", $"{alliance}/werkafspraken"),
            WorkingAgreementsAmended a => ($"De werkafspraken zijn gewijzigd (nu versie {a.Agreements.Version}). Besluit: {a.DecisionReference}.", $"{alliance}/werkafspraken"),
            PartnerAdmitted p => ($"{p.Name} doet mee als partner.", alliance),
            PartnerLeft p => ($"{P(p.Partner)} doet niet meer mee als partner. Reden: {p.Reason}", alliance),
            RepresentativeAppointed r => ($"{{{r.Person}}} vertegenwoordigt nu {P(r.Partner)}{(r.HasMandate ? ", met mandaat" : ", zonder mandaat")}.", alliance),
            RepresentativeMandateChanged r => ($"{{{r.Person}}} heeft nu {(r.HasMandate ? "wel" : "geen")} mandaat voor {P(r.Partner)}.", alliance),
            RepresentativeWithdrawn r => ($"{{{r.Person}}} vertegenwoordigt {P(r.Partner)} niet meer.", alliance),
            OfficerAppointed o => ($"{{{o.Person}}} is nu {Office(o.Office)}. Zij of hij heeft geen direct belang in de wijk.", alliance),
            OfficeVacated o => ($"{{{o.Person}}} is geen {Office(o.Office)} meer. Reden: {o.Reason}", alliance),
            EscalationContactAssigned c => ($"{{{c.Person}}} is escalatiecontact namens het Nationaal Programma Samen Nieuw-West.", alliance),
            EscalationContactUnassigned c => ($"{{{c.Person}}} is geen escalatiecontact meer.", alliance),
            InterestDeclared d => ($"{{{d.Person}}} meldt een {Interest(d.Kind)}: {d.Description}", $"{alliance}/belangen"),
            InterestDeclarationEnded d => ($"Een gemeld belang van {{{d.Person}}} is beëindigd.", $"{alliance}/belangen"),
            _ => ($"Er is iets vastgelegd ({e.GetType().Name}).", null),
        };
    }

    private static (string Sentence, string? Link) DescribeMeeting(string alliance, string? stream, MeetingEvent e)
    {
        var id = e is MeetingScheduled scheduled ? scheduled.Meeting.Value
            : stream is not null && stream.StartsWith("meeting-", StringComparison.Ordinal) ? stream["meeting-".Length..] : null;
        var link = id is null ? $"{alliance}/vergaderingen" : $"{alliance}/vergaderingen/{id}";
        var sentence = e switch
        {
            MeetingScheduled s => $"De {Kind(s.Kind)} van {When(s.Start)} is gepland in {s.Place}."
                + (s.DuringOfficeHours ? " Let op: dit is onder werktijd, dus bewoners moeten misschien vrij nemen (R18)." : ""),
            MeetingRescheduled r => $"De vergadering van {When(r.PreviousStart)} is verplaatst naar {When(r.Start)} in {r.Place}. Reden: {r.Reason}"
                + (r.DuringOfficeHours ? " Let op: dit is onder werktijd (R18)." : ""),
            MeetingCancelled c => $"De vergadering gaat niet door. Reden: {c.Reason}",
            DraftAgendaPublished => "De conceptagenda is gepubliceerd.",
            AgendaItemProposed p => $"{P(p.Partner)} stelt het agendapunt \"{p.Title}\" voor."
                + (p.Exceptional ? " Het is een actualiteit: een uitzondering (R5)." : "")
                + (p.CarriedOverFrom is { } from ? $" Het komt uit de vergadering {from}." : ""),
            AgendaItemAccepted a => $"Het agendapunt {a.Item} staat op de agenda.",
            AgendaItemDeferred d => $"Het agendapunt {d.Item} is uitgesteld{(d.To is { } to ? $" naar de vergadering {to}" : "")}. Reden: {d.Reason}",
            AgendaItemRejected r => $"Het agendapunt {r.Item} gaat niet door. Reden: {r.Reason}",
            DocumentShared d => $"{P(d.Partner)} heeft het stuk \"{d.Title}\" gedeeld"
                + (d.Purpose == DocumentPurpose.InformationOnly ? " (ter kennisgeving)." : " (om over te praten of te besluiten)."),
            DocumentReplaced r => $"Er is een nieuwe versie ({r.Version}) van het stuk \"{r.Title}\". Reden: {r.Reason}",
            ResidentsMeetingAnnounced a => $"De bewonersbijeenkomst is aangekondigd via {Channel(a.Channel)}.",
            AttendanceRecorded a => $"{{{a.Person}}} is aanwezig namens {P(a.Partner)}."
                + (a.Balance.ProfessionalsOutnumberResidents ? " Er zitten nu meer professionals dan bewoners aan tafel (R15)." : ""),
            AttendanceCorrected c => $"De presentielijst is gecorrigeerd: {{{c.Person}}} was aanwezig namens {P(c.Partner)}, niet namens {P(c.PreviousPartner)}."
                + (c.Balance.ProfessionalsOutnumberResidents ? " Er zitten nu meer professionals dan bewoners aan tafel (R15)." : "")
                + $" Reden: {c.Reason} Gecorrigeerd door {{{c.CorrectedBy}}} als {Office(c.CorrectedAs)}.",
            AttendanceWithdrawn w => $"{{{w.Person}}} staat niet meer op de presentielijst. Reden: {w.Reason}",
            MeetingOpened => "De voorzitter heeft de vergadering geopend.",
            MeetingClosed => "De voorzitter heeft de vergadering gesloten.",
            MinutesPublished m => m.Version == 1 ? "Het verslag is gepubliceerd." : $"Er is een nieuwe versie ({m.Version}) van het verslag. Reden: {m.Reason}",
            MeetingDeadlineMissed m => $"De termijn uit afspraak {m.Rule} is verstreken" + (m.ResponsiblePartner is { } p ? $" voor {P(p)}" : "")
                + $": dat moest uiterlijk {When(m.DueAt.InZone(Meeting.Zone).LocalDateTime)} gebeuren, en het is niet gebeurd.",
            DeadlineExtended x => $"De termijn uit afspraak {x.Rule} is verlengd tot {When(x.NewDue.InZone(Meeting.Zone).LocalDateTime)}. Reden: {x.Reason} Afgesproken met {{{x.AgreedBy}}}.",
            InformationPeriodWaived w => $"{{{w.By}}} vindt namens {P(w.Partner)} dat over agendapunt {w.Item} toch besloten mag worden, al kwamen de stukken te laat (R7). Reden: {w.Reason}",
            AgendaItemTakenUp t => $"Het agendapunt {t.Item} wordt nu besproken" + (t.UnderWaiver ? ", omdat de bewoners daarmee instemden (R7)." : "."),
            _ => $"Er is iets vastgelegd bij de vergadering ({e.GetType().Name}).",
        };
        return (sentence, link);
    }

    private static (string Sentence, string? Link) DescribeProposal(string alliance, string? stream, ProposalEvent e)
    {
        var id = e is ProposalTabled tabled ? tabled.Proposal.Value
            : stream is not null && stream.StartsWith("proposal-", StringComparison.Ordinal) ? stream["proposal-".Length..] : null;
        var link = id is null ? $"{alliance}/besluiten" : $"{alliance}/besluiten/{id}";
        var sentence = e switch
        {
            ProposalTabled t => $"{P(t.ProposerPartner)} doet een voorstel: \"{t.Title}\" (agendapunt {t.Item})."
                + (t.UnderWaiver ? " Er mag over besloten worden omdat de bewoners dat goedvonden, al kwamen de stukken te laat (R7)." : ""),
            ProposalAmended a => $"Er is een nieuwe versie ({a.Version}) van het voorstel. Reden: {a.Reason}",
            ConsentRoundOpened => "De voorzitter vraagt of iemand bezwaar heeft tegen het voorstel (consentronde).",
            ContributionRecorded c => (c.Kind == ContributionKind.Question ? "Vraag" : "Reactie")
                + (c.By is { } by ? $" van {{{by}}}" : "") + (c.Partner is { } cp ? $" ({P(cp)})" : "") + $": {c.Summary}",
            ObjectionRaised o => $"{{{o.By}}}" + (o.Partner is { } op ? $" ({P(op)})" : "") + $" heeft bezwaar tegen versie {o.Version} van het voorstel: {o.Reasons}",
            ObjectionCorrected c => $"Bezwaar {c.Objection} is gecorrigeerd, omdat het verkeerd was vastgelegd. Het kwam van {{{c.By}}}"
                + (c.Partner is { } cp ? $" ({P(cp)})" : "") + $", niet van {{{c.PreviousBy}}}" + (c.PreviousPartner is { } pp ? $" ({P(pp)})" : "")
                + $". Reden: {c.Reason} Gecorrigeerd door {{{c.CorrectedBy}}} als {Office(c.CorrectedAs)}.",
            ObjectionTested { Finding: ObjectionFinding.ValidObjection } t => $"Bezwaar {t.Objection} is een zwaarwegend bezwaar: zo kan het voorstel niet door.",
            ObjectionTested t => $"Bezwaar {t.Objection} is een zorg: die is genoteerd, maar houdt het voorstel niet tegen.",
            ObjectionResolved { Resolution: ObjectionResolution.Amendment } r => $"Bezwaar {r.Objection} is verwerkt in versie {r.Version} van het voorstel.",
            ObjectionResolved { Resolution: ObjectionResolution.Withdrawal } r => $"Bezwaar {r.Objection} is ingetrokken.",
            ObjectionResolved r => $"Bezwaar {r.Objection} wordt later opgepakt door {{{r.Owner}}}"
                + (r.Due is { } due ? $", uiterlijk {DutchDate(due)}." : "."),
            ConsentReached c => $"Het voorstel is aangenomen: niemand heeft nog een zwaarwegend bezwaar (versie {c.Version}).",
            VoteOpened o => (o.Ground == VoteGround.ConsentFailed
                    ? "Er is geen consent. De voorzitter laat stemmen over het voorstel."
                    : $"De voorzitter laat stemmen, omdat men het niet eens wordt over {Deadlock(o.Ground)} (R13).")
                + (o.Electorate.SecretUntilClose ? " Wat iedere partner stemt, blijft geheim tot de stemming sluit." : ""),
            RepresentativeRecused r => $"{{{r.Person}}} stemt niet mee over dit voorstel, vanwege "
                + (r.Ground == RecusalGround.InterestRegister ? "een gemeld belang in het belangenregister" : $"een belang: {r.Reason}") + " (R16)."
                + (r.VoidsVote ? $" De stem die {{{r.Person}}} al uitbracht voor {P(r.Partner)} telt niet." : ""),
            // Never the choice: a vote may be secret until close, and the timeline is public.
            VoteCast c => c.Replaces is null ? $"{P(c.Partner)} heeft gestemd." : $"{P(c.Partner)} heeft de stem veranderd.",
            VoteClosed { Outcome: VoteOutcome.Void } => "De stemming telt niet: er waren te weinig partners aanwezig om te mogen stemmen.",
            VoteClosed c => (c.Outcome == VoteOutcome.Adopted
                    ? $"Het voorstel is aangenomen met {c.ForWeight} van de {c.ForWeight + c.AgainstWeight} gewogen stemmen."
                    : $"Het voorstel is niet aangenomen: {c.ForWeight} gewogen stemmen voor en {c.AgainstWeight} tegen."
                        + (c.ForWeight == c.AgainstWeight && c.ForWeight > 0 ? " Bij gelijke stemmen is er geen meerderheid (R8)." : ""))
                + (c.AbstainCount == 1 ? " Eén partner onthield zich." : c.AbstainCount > 1 ? $" {c.AbstainCount} partners onthielden zich." : ""),
            ProposalWithdrawn w => $"Het voorstel is ingetrokken. Reden: {w.Reason}",
            ProposalDeferred d => $"Het voorstel is uitgesteld{(d.To is { } to ? $" naar de vergadering {to}" : "")}. Reden: {d.Reason}",
            ExecutionDeclined d => $"{P(d.Partner)} kan of wil het besluit niet uitvoeren. Daarom is het nu een advies aan {P(d.Partner)} (R9). Reden: {d.Reason}"
                + $" {P(d.Partner)} moet uiterlijk {When(d.MotivationDue.InZone(Meeting.Zone).LocalDateTime)} uitleggen waarom.",
            AdviceMotivationRecorded m => $"{P(m.Partner)} legt uit waarom: {m.Motivation}"
                + (m.FollowsAdvice ? $" {P(m.Partner)} volgt het advies toch." : $" {P(m.Partner)} volgt het advies niet.")
                + (m.Late ? " Deze uitleg kwam te laat." : ""),
            AdviceMotivationOverdue o => $"{P(o.Partner)} heeft niet op tijd uitgelegd waarom het advies niet wordt gevolgd. De termijn was {When(o.Due.InZone(Meeting.Zone).LocalDateTime)} (R9).",
            _ => $"Er is iets vastgelegd bij het voorstel ({e.GetType().Name}).",
        };
        return (sentence, link);
    }

    private static string Deadlock(VoteGround ground) => ground switch
    {
        VoteGround.AgendaDeadlock => "de agenda",
        VoteGround.YearPlanningDeadlock => "de jaarplanning",
        _ => "een begroting",
    };

    private static string? IdFrom(string? stream, string prefix) =>
        stream is not null && stream.StartsWith(prefix, StringComparison.Ordinal) ? stream[prefix.Length..] : null;

    private static (string Sentence, string? Link) DescribeCommitment(string alliance, string? stream, CommitmentEvent e)
    {
        var id = e is CommitmentMade made ? made.Commitment.Value : IdFrom(stream, "commitment-");
        var link = id is null ? $"{alliance}/beloftes" : $"{alliance}/beloftes/{id}";
        var sentence = e switch
        {
            CommitmentMade m => $"{P(m.Owner)} belooft: {m.What}. Dit moet klaar zijn op {DutchDate(m.Due)}. Verantwoordelijk: {{{m.OwnerPerson}}}."
                + m.Source.Kind switch
                {
                    CommitmentSourceKind.MeetingItem => $" Beloofd in de vergadering {m.Source.Meeting}, bij agendapunt {m.Source.Item}.",
                    CommitmentSourceKind.Decision => $" Dit hoort bij besluit {m.Source.Reference}.",
                    CommitmentSourceKind.Advice => $" Dit is een antwoord op advies {m.Source.Reference}.",
                    _ => $" Mondeling beloofd ({m.Source.Occasion}), gehoord door {string.Join(", ", m.Source.Witnesses.Select(w => $"{{{w}}}"))}.",
                },
            CommitmentProgressReported p => $"Nieuws over een belofte: {p.Note}",
            CommitmentDueDateRenegotiated r => $"Een belofte heeft een nieuwe datum: {DutchDate(r.NewDue)} in plaats van {DutchDate(r.PreviousDue)}. Reden: {r.Reason} Afgesproken met {{{r.AgreedBy}}} (R19).",
            CommitmentFulfilled f => (f.OnTime ? "Een belofte is op tijd nagekomen." : "Een belofte is nagekomen, maar te laat.") + $" Bewijs: {f.Evidence}",
            CommitmentReportedNotPossible n => $"Een belofte kan niet worden nagekomen (R10). Uitleg: {n.Motivation}",
            CommitmentWithdrawn w => $"Een belofte is in overleg ingetrokken. Reden: {w.Reason} Afgesproken met {{{w.AgreedBy}}}.",
            CommitmentBecameOverdue o => $"Een belofte is te laat: die moest klaar zijn op {DutchDate(o.Due)}.",
            CommitmentCorrected c => "Een belofte is gecorrigeerd, omdat die verkeerd was vastgelegd."
                + (c.Owner != c.PreviousOwner || c.OwnerPerson != c.PreviousOwnerPerson
                    ? $" Van {c.Owner} ({{{c.OwnerPerson}}}), niet van {c.PreviousOwner} ({{{c.PreviousOwnerPerson}}})." : "")
                + (c.Due != c.PreviousDue ? $" Klaar op {DutchDate(c.Due)}, niet op {DutchDate(c.PreviousDue)}." : "")
                + $" Reden: {c.Reason} Gecorrigeerd door {{{c.CorrectedBy}}}.",
            _ => $"Er is iets vastgelegd bij een belofte ({e.GetType().Name}).",
        };
        return (sentence, link);
    }

    private static (string Sentence, string? Link) DescribeYearPlan(string alliance, string? stream, YearPlanEvent e)
    {
        var id = e is YearPlanStarted started ? started.Plan.Value : IdFrom(stream, "yearplan-");
        var link = id is null ? $"{alliance}/jaarplan" : $"{alliance}/jaarplan/{id}";
        var sentence = e switch
        {
            YearPlanStarted p => $"Het jaarplan \"{p.Title}\" is gestart.",
            GoalSet g => g.Horizon switch
            {
                GoalHorizon.Dream => $"Nieuwe droom in het jaarplan: {g.Title}.",
                GoalHorizon.LongTerm => $"Nieuw doel voor de lange termijn: {g.Title}. Verantwoordelijk: {P(g.Owner)}. Klaar op {DutchDate(g.TargetDate!.Value)}.",
                _ => $"Nieuw doel voor dit jaar: {g.Title}. Verantwoordelijk: {P(g.Owner)}. Klaar op {DutchDate(g.TargetDate!.Value)}.",
            },
            GoalProgressReported p => $"Nieuws over het doel {p.Goal}: {p.Note}",
            GoalCommitmentLinked l => $"De belofte {l.Commitment} helpt nu bij het doel {l.Goal}.",
            GoalAchieved a => $"Het doel {a.Goal} is bereikt. {a.Note}",
            _ => $"Er is iets vastgelegd in het jaarplan ({e.GetType().Name}).",
        };
        return (sentence, link);
    }

    private static (string Sentence, string? Link) DescribeEscalation(string alliance, string? stream, EscalationEvent e)
    {
        var id = e is EscalationRaised raised ? raised.Escalation.Value : IdFrom(stream, "escalation-");
        var link = id is null ? $"{alliance}/geschillen" : $"{alliance}/geschillen/{id}";
        var sentence = e switch
        {
            EscalationRaised r => $"{{{r.RaisedBy}}} meldt een geschil over {Subject(r.Subject)}. Reden: {r.Reason}",
            EscalationStepEntered x => $"Het geschil is nu bij stap {x.Step}: {x.Description}. Een reactie is nodig vóór {When(x.RespondBy.InZone(Escalation.Zone).LocalDateTime)} (R12).",
            EscalationResponseRecorded r => $"{{{r.By}}} heeft gereageerd op het geschil: {r.Response}",
            EscalationAdviceGiven a => $"{{{a.By}}} geeft als escalatiecontact {(a.Solicited ? "gevraagd" : "ongevraagd")} advies: {a.Advice}",
            EscalationStepDeadlineMissed m => $"Bij stap {m.Step} kwam er geen oplossing op tijd (vóór {When(m.RespondBy.InZone(Escalation.Zone).LocalDateTime)}).",
            EscalationMovedToNextStep m => m.DeadlinePassed
                ? $"Het geschil gaat van stap {m.FromStep} naar stap {m.ToStep}, omdat de termijn voorbij is."
                : $"Het geschil gaat op verzoek van {{{m.RequestedBy}}} van stap {m.FromStep} naar stap {m.ToStep}. Reden: {m.Reason}",
            EscalationResolved r => $"Het geschil is opgelost. Uitkomst: {r.Outcome}",
            EscalationReopened r => $"{{{r.By}}} heeft het geschil weer geopend. Reden: {r.Reason}",
            _ => $"Er is iets vastgelegd bij een geschil ({e.GetType().Name}).",
        };
        return (sentence, link);
    }

    private static string Subject(EscalationSubject subject) => subject.Kind switch
    {
        EscalationSubjectKind.OverdueCommitment => $"een belofte die te laat is ({subject.Reference})",
        EscalationSubjectKind.AdviceWithoutMotivation => $"een advies zonder uitleg over wat ermee is gedaan ({subject.Reference})",
        EscalationSubjectKind.DecisionNotExecuted => $"een besluit dat niet is uitgevoerd ({subject.Reference})",
        _ => subject.Reference is null ? "gedrag" : $"gedrag ({subject.Reference})",
    };

    /// <summary>
    /// A partner as a <c>{partner:…}</c> placeholder: the page and the API show its name (from the alliance), not its slug,
    /// which a resident does not know.
    /// </summary>
    public static string P(Governance.Domain.PartnerId partner) => $"{{partner:{partner.Value}}}";

    private static string P(Governance.Domain.PartnerId? partner) => partner is { } p ? P(p) : "een partner";

    private static string DutchDate(LocalDate d) =>
        string.Create(CultureInfo.InvariantCulture, $"{Days[(int)d.DayOfWeek - 1]} {d.Day} {Months[d.Month - 1]} {d.Year}");

    private static readonly string[] Days = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
    private static readonly string[] Months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    /// <summary>"dinsdag 10 maart 2026, 19:30": written out, since the timeline is read by residents (B1), not parsed. No culture data needed.</summary>
    public static string When(NodaTime.LocalDateTime t) =>
        string.Create(CultureInfo.InvariantCulture, $"{Days[(int)t.DayOfWeek - 1]} {t.Day} {Months[t.Month - 1]} {t.Year}, {t.Hour:00}:{t.Minute:00}");

    private static string Kind(MeetingKind kind) => kind switch
    {
        MeetingKind.ResidentsMeeting => "bewonersbijeenkomst",
        MeetingKind.CoreGroupMeeting => "kerngroepvergadering",
        _ => "vergadering",
    };

    private static string Channel(AnnouncementChannel channel) => channel switch
    {
        AnnouncementChannel.SocialMedia => "sociale media",
        AnnouncementChannel.Mail => "de post",
        _ => "flyers",
    };

    private static string Office(Office office) => office switch
    {
        Governance.Domain.Alliances.Office.Chair => "dagvoorzitter",
        Governance.Domain.Alliances.Office.Secretary => "projectleider (secretaris)",
        _ => "vertrouwenspersoon",
    };

    private static string Interest(InterestKind kind) => kind switch
    {
        InterestKind.SideActivity => "nevenactiviteit",
        InterestKind.SubsidyFlow => "subsidiestroom",
        _ => "belang",
    };
}

/// <summary>One timeline line as stored by <see cref="TimelineProjection"/> (one document per event).</summary>
public sealed class TimelineEntryDocument
{
    public Guid Id { get; set; }
    public long Sequence { get; set; }
    public string StreamId { get; set; } = "";
    public string EventType { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset? OccurredAt { get; set; }
    public string? ActorId { get; set; }
    public string? ActorRole { get; set; }
    public string Sentence { get; set; } = "";
    public string? Link { get; set; }
}

/// <summary>One timeline line as read back; <see cref="Sentence"/> still holds <c>{p-…}</c> placeholders.</summary>
public sealed record TimelineEntry(long Position, string StreamId, string EventType, Instant RecordedAt, Instant? OccurredAt,
    string? ActorId, string? ActorRole, string Sentence, string? Link);

public sealed class TimelineQueries(IDocumentStore store, Ledger ledger)
{
    /// <summary>The newest lines first (at most <paramref name="limit"/>), recorded in [from, to), of one stream or all.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(string tenant, Instant? from, Instant? to, string? stream, int limit,
        CancellationToken cancellationToken) =>
        (await PageAsync(tenant, from, to, stream, 1, limit, cancellationToken)).Items;

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of the lines recorded in [from, to), of one stream or all, newest first, and how many there
    /// are in all. Pages follow the daemon's order (Marten's sequence); within a page the lines are in ledger order.
    /// </summary>
    public async Task<(IReadOnlyList<TimelineEntry> Items, long Total)> PageAsync(string tenant, Instant? from, Instant? to, string? stream,
        int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(tenant);
        IQueryable<TimelineEntryDocument> Query()
        {
            IQueryable<TimelineEntryDocument> query = session.Query<TimelineEntryDocument>();
            if (from is { } f) { var at = f.ToDateTimeOffset(); query = query.Where(d => d.RecordedAt >= at); }
            if (to is { } t) { var at = t.ToDateTimeOffset(); query = query.Where(d => d.RecordedAt < at); }
            if (stream is not null) query = query.Where(d => d.StreamId == stream);
            return query.OrderByDescending(d => d.Sequence);
        }
        var (docs, total) = await PagedQuery.ToPageAsync(Query, page, pageSize, cancellationToken);
        var positions = await ledger.PositionsAsync([.. docs.Select(d => d.Sequence)], cancellationToken);
        return ([.. docs
            .Select(d => new TimelineEntry(positions.GetValueOrDefault(d.Sequence), d.StreamId, d.EventType, Instant.FromDateTimeOffset(d.RecordedAt),
                d.OccurredAt is { } o ? Instant.FromDateTimeOffset(o) : null, d.ActorId, d.ActorRole, d.Sentence, d.Link))
            .OrderByDescending(e => e.Position)], total);
    }
}
