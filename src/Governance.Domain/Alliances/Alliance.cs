using System.Collections.Immutable;
using System.Diagnostics;

namespace Governance.Domain.Alliances;

/// <summary>The decider of an alliance's own stream: who is at the table, in which role, and under which agreements.</summary>
public static class Alliance
{
    public static State Initial { get; } = new State.NotFounded();

    /// <summary>The alliance stream's decider: one stream per alliance, named after the alliance.</summary>
    public static Decider<AllianceCommand, AllianceEvent, State> Decider { get; } = new(Decide, Evolve, Initial, "alliance");

    /// <summary>The alliance's own stream id within its tenant (the alliance is the tenant).</summary>
    public const string StreamId = "alliance";

    /// <summary>Only what decisions need; display folds its own read model.</summary>
    public abstract record State
    {
        private State()
        {
        }

        public sealed record NotFounded : State;

        public sealed record Founded(
            AllianceId Id,
            string Name,
            string Neighbourhood,
            ImmutableDictionary<PartnerId, Partner> Partners,
            ImmutableDictionary<PersonId, Representation> Representatives,
            ImmutableDictionary<Office, PersonId> Officers,
            ImmutableHashSet<PersonId> EscalationContacts,
            ImmutableDictionary<DeclarationId, Declaration> ActiveDeclarations,
            ImmutableHashSet<DeclarationId> EndedDeclarations,
            WorkingAgreements Agreements) : State
        {
            public IEnumerable<Partner> Members => Partners.Values.Where(p => p.IsMember);

            public bool IsMember(PartnerId partner) => Partners.TryGetValue(partner, out var p) && p.IsMember;

            public IEnumerable<PersonId> RepresentativesOf(PartnerId partner) =>
                Representatives.Where(r => r.Value.Partner == partner).Select(r => r.Key);

            public PersonId? HolderOf(Office office) => Officers.TryGetValue(office, out var person) ? person : null;

            public bool IsAtTheTable(PersonId person) =>
                Representatives.ContainsKey(person) || Officers.ContainsValue(person) || EscalationContacts.Contains(person);

            public IEnumerable<Declaration> DeclarationsOf(PersonId person) =>
                ActiveDeclarations.Values.Where(d => d.Person == person);

            /// <summary>R14: the weight of a partner's vote under the agreements in force.</summary>
            public int VoteWeightOf(PartnerId partner) =>
                Partners.TryGetValue(partner, out var p)
                    ? Agreements.VoteWeights.For(p.Body)
                    : throw new ArgumentException($"'{partner}' is not a partner of this alliance.", nameof(partner));
        }
    }

    /// <summary>A partner that was ever admitted; one that left stays known so that it can re-join and be cited.</summary>
    public sealed record Partner(PartnerId Id, string Name, PartnerKind Kind, PartnerBody Body, bool IsMember);

    public sealed record Representation(PartnerId Partner, bool HasMandate);

    /// <summary>R16: an active entry of the interest register.</summary>
    public sealed record Declaration(
        DeclarationId Id,
        PersonId Person,
        InterestKind Kind,
        string Description,
        PartnerId? Partner,
        string? Organisation);

    public static IReadOnlyList<AllianceEvent> Decide(AllianceCommand command, State state)
    {
        ArgumentNullException.ThrowIfNull(command);
        return (command, state) switch
        {
            (FoundAlliance c, State.NotFounded) => Found(c),
            (FoundAlliance, State.Founded s) =>
                throw new RuleViolated("alliance.already-founded", $"Alliance '{s.Id}' has been founded already."),
            (_, State.Founded s) => command switch
            {
                AdmitPartner c => Admit(c, s),
                RecordPartnerDeparture c => Depart(c, s),
                AppointRepresentative c => Appoint(c, s),
                WithdrawRepresentative c => Withdraw(c, s),
                AppointOfficer c => Appoint(c, s),
                VacateOffice c => Vacate(c, s),
                AssignEscalationContact c => Assign(c, s),
                UnassignEscalationContact c => Unassign(c, s),
                DeclareInterest c => Declare(c, s),
                EndInterestDeclaration c => End(c, s),
                AmendWorkingAgreements c => Amend(c, s),
                _ => throw new UnreachableException($"No decision for {command.GetType().Name}."),
            },
            _ => throw new RuleViolated("alliance.not-founded", "The alliance has not been founded."),
        };
    }

    private static IReadOnlyList<AllianceEvent> Found(FoundAlliance c)
    {
        var name = Required(c.Name, "alliance.name-required", "An alliance needs a name.");
        var neighbourhood = Required(c.Neighbourhood, "alliance.neighbourhood-required", "An alliance needs a neighbourhood.");
        return [new AllianceFounded(c.Alliance, name, neighbourhood), new WorkingAgreementsAdopted(WorkingAgreements.Default)];
    }

    private static IReadOnlyList<AllianceEvent> Admit(AdmitPartner c, State.Founded s)
    {
        var name = Required(c.Name, "partner.name-required", "A partner needs a name.");
        if (!Enum.IsDefined(c.Kind))
        {
            throw new RuleViolated("partner.kind-unknown", $"'{c.Kind}' is not a kind of partner.");
        }

        if (!Enum.IsDefined(c.Body))
        {
            throw new RuleViolated("partner.body-unknown", $"'{c.Body}' is neither a residents' nor a professional body.");
        }

        // R14: the residents' collective votes with the residents' weight; as a professional body it would lose it.
        if (c.Kind == PartnerKind.ResidentsCollective && c.Body != PartnerBody.Residents)
        {
            throw new RuleViolated(
                "partner.residents-collective-is-residents-body",
                "A residents' collective is always a residents' body.");
        }

        if (s.IsMember(c.Partner))
        {
            throw new RuleViolated("partner.already-member", $"Partner '{c.Partner}' is a member already.");
        }

        if (s.Members.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RuleViolated("partner.name-taken", $"A member partner is called '{name}' already.");
        }

        return [new PartnerAdmitted(c.Partner, name, c.Kind, c.Body)];
    }

    private static IReadOnlyList<AllianceEvent> Depart(RecordPartnerDeparture c, State.Founded s)
    {
        var partner = Known(s, c.Partner);
        var reason = Required(c.Reason, "partner.reason-required", "A departure needs a reason.");
        if (!partner.IsMember)
        {
            return [];
        }

        // Explicit withdrawals, so that every view sees who left the table without knowing this rule.
        return
        [
            .. s.RepresentativesOf(c.Partner)
                .OrderBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => new RepresentativeWithdrawn(p, c.Partner)),
            new PartnerLeft(c.Partner, reason),
        ];
    }

    private static IReadOnlyList<AllianceEvent> Appoint(AppointRepresentative c, State.Founded s)
    {
        if (!Known(s, c.Partner).IsMember)
        {
            throw new RuleViolated("partner.departed", $"Partner '{c.Partner}' has left the alliance.");
        }

        // R13: chair and secretary have no direct interest in the neighbourhood; speaking for a partner is one.
        // The confidant is held to the same independence.
        if (s.Officers.ContainsValue(c.Person))
        {
            throw new RuleViolated(
                "R13.holds-independent-office",
                $"Person '{c.Person}' holds an independent office and cannot represent a partner.");
        }

        if (s.Representatives.TryGetValue(c.Person, out var seat))
        {
            if (seat.Partner != c.Partner)
            {
                throw new RuleViolated(
                    "representative.represents-other-partner",
                    $"Person '{c.Person}' represents '{seat.Partner}'; withdraw that first.");
            }

            return seat.HasMandate == c.HasMandate ? [] : [new RepresentativeMandateChanged(c.Person, c.Partner, c.HasMandate)];
        }

        return [new RepresentativeAppointed(c.Person, c.Partner, c.HasMandate)];
    }

    private static IReadOnlyList<AllianceEvent> Withdraw(WithdrawRepresentative c, State.Founded s)
    {
        Known(s, c.Partner);

        // The ledger keeps no trace of former representatives, so it cannot tell a repeat from a mistake: refuse.
        if (!s.Representatives.TryGetValue(c.Person, out var seat) || seat.Partner != c.Partner)
        {
            throw new RuleViolated("representative.not-appointed", $"Person '{c.Person}' does not represent '{c.Partner}'.");
        }

        return [new RepresentativeWithdrawn(c.Person, c.Partner)];
    }

    private static IReadOnlyList<AllianceEvent> Appoint(AppointOfficer c, State.Founded s)
    {
        EnsureDefined(c.Office);

        // R13: the chair and the secretary (and, by the alliance's choice, the confidant) have no direct interest.
        if (!c.DeclaresNoDirectInterest)
        {
            throw new RuleViolated(
                "R13.direct-interest",
                $"The {c.Office.ToString().ToLowerInvariant()} must declare no direct interest in the neighbourhood.");
        }

        if (s.Representatives.TryGetValue(c.Person, out var seat))
        {
            throw new RuleViolated(
                "R13.represents-partner",
                $"Person '{c.Person}' represents '{seat.Partner}' and so has a direct interest.");
        }

        var holder = s.HolderOf(c.Office);
        return holder == c.Person ? [] : [new OfficerAppointed(c.Office, c.Person, holder)];
    }

    private static IReadOnlyList<AllianceEvent> Vacate(VacateOffice c, State.Founded s)
    {
        EnsureDefined(c.Office);
        var reason = Required(c.Reason, "office.reason-required", "Vacating an office needs a reason.");
        return s.HolderOf(c.Office) is { } holder
            ? [new OfficeVacated(c.Office, holder, reason)]
            : throw new RuleViolated("office.vacant", $"Nobody holds the office of {c.Office.ToString().ToLowerInvariant()}.");
    }

    private static IReadOnlyList<AllianceEvent> Assign(AssignEscalationContact c, State.Founded s) =>
        s.EscalationContacts.Contains(c.Person) ? [] : [new EscalationContactAssigned(c.Person)];

    private static IReadOnlyList<AllianceEvent> Unassign(UnassignEscalationContact c, State.Founded s) =>
        s.EscalationContacts.Contains(c.Person)
            ? [new EscalationContactUnassigned(c.Person)]
            : throw new RuleViolated("escalation-contact.not-assigned", $"Person '{c.Person}' is not an escalation contact of this alliance.");

    private static IReadOnlyList<AllianceEvent> Declare(DeclareInterest c, State.Founded s)
    {
        if (!Enum.IsDefined(c.Kind))
        {
            throw new RuleViolated("declaration.kind-unknown", $"'{c.Kind}' is not a kind of interest.");
        }

        var description = Required(c.Description, "declaration.description-required", "A declaration needs a description.");
        var organisation = string.IsNullOrWhiteSpace(c.Organisation) ? null : c.Organisation.Trim();
        if (c.Partner is { } partner)
        {
            Known(s, partner);
        }

        var declared = new InterestDeclared(c.Declaration, c.Person, c.Kind, description, c.Partner, organisation);
        if (s.ActiveDeclarations.TryGetValue(c.Declaration, out var active) && active == AsDeclaration(declared))
        {
            return [];
        }

        // R16: a declaration id names one register entry for good, so a public reference to it never changes meaning.
        if (active is not null || s.EndedDeclarations.Contains(c.Declaration))
        {
            throw new RuleViolated("declaration.duplicate-id", $"Declaration '{c.Declaration}' exists already.");
        }

        // R16 is a register of the people at the table.
        if (!s.IsAtTheTable(c.Person))
        {
            throw new RuleViolated("declaration.not-at-the-table", $"Person '{c.Person}' has no seat or role at this alliance's table.");
        }

        return [declared];
    }

    private static IReadOnlyList<AllianceEvent> End(EndInterestDeclaration c, State.Founded s)
    {
        if (s.ActiveDeclarations.TryGetValue(c.Declaration, out var active))
        {
            return [new InterestDeclarationEnded(c.Declaration, active.Person)];
        }

        return s.EndedDeclarations.Contains(c.Declaration)
            ? []
            : throw new RuleViolated("declaration.unknown", $"There is no declaration '{c.Declaration}'.");
    }

    private static IReadOnlyList<AllianceEvent> Amend(AmendWorkingAgreements c, State.Founded s)
    {
        var reference = Required(
            c.DecisionReference,
            "agreements.decision-reference-required",
            "An amendment cites the decision that made it.");
        var proposed = c.Agreements ?? throw new RuleViolated("agreements.incomplete", "An amendment carries the agreements.");
        var current = s.Agreements;
        if (current.HasSameTermsAs(proposed))
        {
            return [];
        }

        // An amendment replaces every number: one based on an older version would undo the amendments since.
        if (proposed.Version != current.Version)
        {
            throw new RuleViolated(
                "agreements.version-mismatch",
                $"The amendment is based on version {proposed.Version}; version {current.Version} is in force.");
        }

        var violations = proposed.Violations();
        if (violations.Count > 0)
        {
            throw new RuleViolated(violations[0], $"The amended agreements cannot work: {string.Join(", ", violations)}.");
        }

        return [new WorkingAgreementsAmended(proposed with { Version = current.Version + 1 }, reference)];
    }

    public static State Evolve(State state, AllianceEvent @event) => (state, @event) switch
    {
        (State.NotFounded, AllianceFounded e) => new State.Founded(
            e.Alliance,
            e.Name,
            e.Neighbourhood,
            ImmutableDictionary<PartnerId, Partner>.Empty,
            ImmutableDictionary<PersonId, Representation>.Empty,
            ImmutableDictionary<Office, PersonId>.Empty,
            [],
            ImmutableDictionary<DeclarationId, Declaration>.Empty,
            [],
            // Replaced by WorkingAgreementsAdopted, which the founding decision always appends next.
            WorkingAgreements.Default),
        (State.Founded s, WorkingAgreementsAdopted e) => s with { Agreements = e.Agreements },
        (State.Founded s, WorkingAgreementsAmended e) => s with { Agreements = e.Agreements },
        (State.Founded s, PartnerAdmitted e) => s with
        {
            Partners = s.Partners.SetItem(e.Partner, new Partner(e.Partner, e.Name, e.Kind, e.Body, IsMember: true)),
        },
        (State.Founded s, PartnerLeft e) => Left(s, e.Partner),
        (State.Founded s, RepresentativeAppointed e) => s with
        {
            Representatives = s.Representatives.SetItem(e.Person, new Representation(e.Partner, e.HasMandate)),
        },
        (State.Founded s, RepresentativeMandateChanged e) => s with
        {
            Representatives = s.Representatives.SetItem(e.Person, new Representation(e.Partner, e.HasMandate)),
        },
        (State.Founded s, RepresentativeWithdrawn e) => s with { Representatives = s.Representatives.Remove(e.Person) },
        (State.Founded s, OfficerAppointed e) => s with { Officers = s.Officers.SetItem(e.Office, e.Person) },
        (State.Founded s, OfficeVacated e) => s with { Officers = s.Officers.Remove(e.Office) },
        (State.Founded s, EscalationContactAssigned e) => s with { EscalationContacts = s.EscalationContacts.Add(e.Person) },
        (State.Founded s, EscalationContactUnassigned e) => s with { EscalationContacts = s.EscalationContacts.Remove(e.Person) },
        (State.Founded s, InterestDeclared e) => s with
        {
            ActiveDeclarations = s.ActiveDeclarations.SetItem(e.Declaration, AsDeclaration(e)),
        },
        (State.Founded s, InterestDeclarationEnded e) => s with
        {
            ActiveDeclarations = s.ActiveDeclarations.Remove(e.Declaration),
            EndedDeclarations = s.EndedDeclarations.Add(e.Declaration),
        },
        _ => state,
    };

    private static State.Founded Left(State.Founded s, PartnerId partner) => s with
    {
        Partners = s.Partners.TryGetValue(partner, out var p) ? s.Partners.SetItem(partner, p with { IsMember = false }) : s.Partners,

        // A partner that left has nobody at the table, whatever withdrawals preceded this event.
        Representatives = s.Representatives.RemoveRange(s.RepresentativesOf(partner).ToList()),
    };

    private static Declaration AsDeclaration(InterestDeclared e) =>
        new(e.Declaration, e.Person, e.Kind, e.Description, e.Partner, e.Organisation);

    private static Partner Known(State.Founded s, PartnerId partner) =>
        s.Partners.TryGetValue(partner, out var p)
            ? p
            : throw new RuleViolated("partner.unknown", $"'{partner}' is not a partner of this alliance.");

    private static void EnsureDefined(Office office)
    {
        if (!Enum.IsDefined(office))
        {
            throw new RuleViolated("office.unknown", $"'{office}' is not an office of the alliance.");
        }
    }

    private static string Required(string? text, string code, string detail) =>
        string.IsNullOrWhiteSpace(text) ? throw new RuleViolated(code, detail) : text.Trim();
}
