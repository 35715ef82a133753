using Governance.Api.Proposals;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.Projections.Alliances;
using Governance.Projections.Meetings;
using NodaTime;

namespace Governance.Api.Demo;

/// <summary>
/// The decisions of the demo (issue 5 §5), taken at the table of meetings 2 and 3:
/// <list type="bullet">
/// <item>meeting 2: a play street adopted by consent after the Stadsdeel's objection was integrated (version 2);
/// evening lighting put to the vote after consent failed, adopted 3 to 2 weighted because the residents' vote counts
/// double (R14; unweighted it would be a 2–2 tie); waste containers adopted by consent, declined by the Stadsdeel, so
/// advice (R9) whose motivation is overdue;</item>
/// <item>meeting 3: a vote where BCOP's Fatima Yilmaz is recused for her declared interest in the Stadsdeel's subsidy
/// (R16) and BCOP votes through Anouk de Vries; a 2–2 tie that is not adopted (R8).</item>
/// </list>
/// </summary>
public sealed class DemoDecisions(DemoStory story, DemoCast cast, DemoMeetings meetings, AllianceQueries alliances, MeetingQueries meetingQueries)
{
    public static readonly ProposalId PlayStreet = ProposalId.Parse("speelstraat-pieter-calandlaan");
    public static readonly ProposalId EveningLighting = ProposalId.Parse("avondverlichting-tussen-meer");
    public static readonly ProposalId WasteContainers = ProposalId.Parse("afvalcontainers-speeltuin");
    public static readonly ProposalId ExtraCleaning = ProposalId.Parse("extra-schoonmaak-na-brand");
    public static readonly ProposalId CourtyardMowing = ProposalId.Parse("maaien-binnentuinen");

    public void Tell()
    {
        TellPlayStreet();
        TellEveningLighting();
        TellWasteContainers();
        TellExtraCleaning();
        TellCourtyardMowing();
    }

    private void TellPlayStreet()
    {
        var p = PlayStreet;
        Table(-70, "19:40", p, meetings.Meeting2, DemoMeetings.PlayStreet, "bcop", "Speelstraat in de Pieter Calandlaan",
            "De Pieter Calandlaan wordt op woensdagmiddag een speelstraat. Auto's mogen er dan niet in.", ["stadsdeel-nieuw-west"]);
        Chair(-70, "19:41", p, now => new OpenConsentRound(now));
        Chair(-70, "19:43", p, now => new RecordContribution(ContributionKind.Question, cast.Person("woon@"), DemoCast.Partner("woon"),
            "Wie zet de hekken neer en haalt ze weer weg?", now));
        Chair(-70, "19:44", p, now => new RecordContribution(ContributionKind.Reaction, cast.Person("bewoner2@"), DemoCast.Partner("bcop"),
            "Vrijwilligers van de speeltuin doen dat. Er zijn al vijf mensen die willen helpen.", now));
        Chair(-70, "19:46", p, now => new RaiseObjection(cast.Person("stadsdeel@"), DemoCast.Partner("stadsdeel-nieuw-west"),
            "Op woensdag komt de vuilniswagen. Die moet de straat in kunnen.", now));
        Chair(-70, "19:48", p, now => new TestObjection(1, ObjectionFinding.ValidObjection, "Zonder ophaling blijft het afval staan; dat is een echt bezwaar.", now));
        Chair(-70, "19:52", p, now => new AmendProposal(
            "De Pieter Calandlaan wordt op woensdagmiddag van 13:00 tot 17:00 een speelstraat. De vuilniswagen komt die dag vóór 12:00.",
            "Bezwaar van Stadsdeel Nieuw-West verwerkt: de vuilniswagen komt 's ochtends.", now));
        Chair(-70, "19:53", p, now => new ResolveObjection(1, ObjectionResolution.Amendment, "Verwerkt in versie 2.", null, null, now));
        Chair(-70, "19:55", p, now => new ReachConsent(now));
    }

    private void TellEveningLighting()
    {
        var p = EveningLighting;
        Table(-70, "20:00", p, meetings.Meeting2, DemoMeetings.EveningLighting, "bcop", "Betere avondverlichting Tussen Meer",
            "Ymere en het stadsdeel plaatsen samen twaalf extra lantaarns langs de looproute van Tussen Meer naar het winkelcentrum.",
            ["stadsdeel-nieuw-west", "ymere"]);
        Chair(-70, "20:01", p, now => new OpenConsentRound(now));
        Chair(-70, "20:05", p, now => new RaiseObjection(cast.Person("ymere@"), DemoCast.Partner("ymere"),
            "Daar is dit jaar geen geld voor in onze begroting.", now));
        Chair(-70, "20:07", p, now => new TestObjection(1, ObjectionFinding.ValidObjection, "Zonder geld kan Ymere het niet uitvoeren.", now));
        // R8: consent failed; the chair puts it to the vote.
        OpenVoteAfterFailedConsent(-70, "20:15", p, meetings.Meeting2);
        // Fatima Yilmaz is recused (R16: subsidy from the Stadsdeel, which this concerns); Anouk de Vries votes for BCOP.
        Vote(-70, "20:16", p, "bewoner2@", "bcop", VoteChoice.For);
        Vote(-70, "20:16", p, "eigenwijks@", "eigenwijks", VoteChoice.For);
        Vote(-70, "20:17", p, "stadsdeel@", "stadsdeel-nieuw-west", VoteChoice.Against);
        Vote(-70, "20:17", p, "ymere@", "ymere", VoteChoice.Against);
        Vote(-70, "20:18", p, "woon@", "woon", VoteChoice.Abstain);
        Vote(-70, "20:18", p, "politie@", "politie-nieuw-west", VoteChoice.Abstain);
        Chair(-70, "20:20", p, now => new CloseVote(now));
    }

    private void TellWasteContainers()
    {
        var p = WasteContainers;
        Table(-70, "20:30", p, meetings.Meeting2, DemoMeetings.WasteContainers, "bcop", "Afvalcontainers weg bij de speeltuin",
            "Stadsdeel Nieuw-West verplaatst de drie afvalcontainers bij de speeltuin naar de hoek van de Pieter Calandlaan.",
            ["stadsdeel-nieuw-west"]);
        Chair(-70, "20:31", p, now => new OpenConsentRound(now));
        Chair(-70, "20:35", p, now => new ReachConsent(now));
        // R9: the Stadsdeel will not execute it; the decision becomes advice, with a motivation due in 28 days.
        At(-70, "20:40", p, "stadsdeel@", "representative", now => new DeclineExecution(DemoCast.Partner("stadsdeel-nieuw-west"), cast.Person("stadsdeel@"),
            "De ondergrondse aansluiting ligt bij de speeltuin. Verplaatsen kan pas bij de herinrichting.", WorkingAgreements.Default, now));
        // The sweeper finds the motivation missing the morning after it was due.
        story.SweepAt(story.Day(-41, "06:00"), Proposal.Decider, p.StreamId, now => new RecordAdviceMotivationOverdue(now));
    }

    private void TellExtraCleaning()
    {
        var p = ExtraCleaning;
        Table(-28, "19:40", p, meetings.Meeting3, DemoMeetings.FireNuisance, "bcop", "Extra schoonmaak na de brand",
            "Stadsdeel Nieuw-West laat de portiek en het plein bij Meer en Vaart twee weken lang elke dag schoonmaken.",
            ["stadsdeel-nieuw-west"]);
        Chair(-28, "19:41", p, now => new OpenConsentRound(now));
        Chair(-28, "19:44", p, now => new RaiseObjection(cast.Person("stadsdeel@"), DemoCast.Partner("stadsdeel-nieuw-west"),
            "Elke dag is te vaak; twee keer per week past in het schoonmaakrooster.", now));
        Chair(-28, "19:46", p, now => new TestObjection(1, ObjectionFinding.ValidObjection, "Het rooster is vol; het bezwaar is geldig.", now));
        // R16: Fatima Yilmaz declared a subsidy flow from the Stadsdeel, which this proposal concerns: she is recused,
        // and BCOP votes through Anouk de Vries.
        OpenVoteAfterFailedConsent(-28, "19:50", p, meetings.Meeting3);
        Vote(-28, "19:51", p, "bewoner2@", "bcop", VoteChoice.For);
        Vote(-28, "19:52", p, "politie@", "politie-nieuw-west", VoteChoice.For);
        Vote(-28, "19:52", p, "stadsdeel@", "stadsdeel-nieuw-west", VoteChoice.Against);
        Vote(-28, "19:53", p, "ymere@", "ymere", VoteChoice.Abstain);
        Vote(-28, "19:53", p, "school@", "obs-de-horizon", VoteChoice.Abstain);
        Chair(-28, "19:55", p, now => new CloseVote(now));
    }

    private void TellCourtyardMowing()
    {
        var p = CourtyardMowing;
        Table(-28, "20:10", p, meetings.Meeting3, DemoMeetings.CourtyardGreen, "bcop", "Binnentuinen elke twee weken maaien",
            "Ymere maait de binnentuinen van april tot oktober elke twee weken.", ["ymere"]);
        Chair(-28, "20:11", p, now => new OpenConsentRound(now));
        Chair(-28, "20:14", p, now => new RaiseObjection(cast.Person("ymere@"), DemoCast.Partner("ymere"),
            "Ons contract met de hovenier is eens per maand.", now));
        Chair(-28, "20:15", p, now => new TestObjection(1, ObjectionFinding.ValidObjection, "Het contract loopt nog een jaar.", now));
        OpenVoteAfterFailedConsent(-28, "20:20", p, meetings.Meeting3);
        // R8: 2 for (BCOP's double vote) against 2 (Ymere, Stadsdeel): a tie is not a majority.
        Vote(-28, "20:21", p, "bewoner@", "bcop", VoteChoice.For);
        Vote(-28, "20:21", p, "ymere@", "ymere", VoteChoice.Against);
        Vote(-28, "20:22", p, "stadsdeel@", "stadsdeel-nieuw-west", VoteChoice.Against);
        Vote(-28, "20:22", p, "politie@", "politie-nieuw-west", VoteChoice.Abstain);
        Vote(-28, "20:23", p, "school@", "obs-de-horizon", VoteChoice.Abstain);
        Chair(-28, "20:25", p, now => new CloseVote(now));
    }

    private void Table(int day, string time, ProposalId p, MeetingId meeting, AgendaItemId item, string partner, string title, string text, string[] concerns)
    {
        var proposer = cast.RepresentativeOf(partner);
        At(day, time, p, proposer, "representative", async (now, ct) =>
        {
            // R7: decidability is the meeting's, read at the moment of tabling.
            var state = (await meetingQueries.GetAsync(story.Alliance, meeting, null, ct))!.State;
            return new TableProposal(p, meeting, item, title, text, DemoCast.Partner(partner), cast.Person(proposer),
                [.. concerns.Select(DemoCast.Partner)], state.IsDecidable(item), now);
        });
    }

    /// <summary>R8: consent failed; the chair opens the vote on the alliance and the table as they are at that moment.</summary>
    private void OpenVoteAfterFailedConsent(int day, string time, ProposalId p, MeetingId meeting) =>
        At(day, time, p, "dagvoorzitter@", "chair", async (now, ct) => ProposalFacts.OpenVote(VoteGround.ConsentFailed,
            (await alliances.GetAsync(story.Alliance, null, ct))!, (await meetingQueries.GetAsync(story.Alliance, meeting, null, ct))?.State, now));

    private void Vote(int day, string time, ProposalId p, string voter, string partner, VoteChoice choice) =>
        At(day, time, p, voter, "representative", now => new CastVote(cast.Person(voter), DemoCast.Partner(partner), choice, now));

    private void Chair(int day, string time, ProposalId p, Func<Instant, ProposalCommand> command) => At(day, time, p, "dagvoorzitter@", "chair", command);

    private void At(int day, string time, ProposalId p, string actor, string role, Func<Instant, ProposalCommand> command) =>
        story.At(story.Day(day, time), Proposal.Decider, p.StreamId, cast.Person(actor), role, command);

    /// <summary>A command that needs facts read at its moment (the table, the agenda).</summary>
    private void At(int day, string time, ProposalId p, string actor, string role, Func<Instant, CancellationToken, Task<ProposalCommand>> command) =>
        story.At(story.Day(day, time), async ct =>
        {
            var at = story.Day(day, time);
            var decided = await command(at, ct);
            await story.RecordAsync(Proposal.Decider, p.StreamId, cast.Person(actor), role, _ => decided, ct);
        });
}
