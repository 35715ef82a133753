using System.Text.RegularExpressions;
using Governance.Api.Meetings;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Meetings;
using NodaTime;

namespace Governance.Api.Tests.Browser;

/// <summary>The words the meeting pages use: a Dutch text for every refusal, a badge for every deadline status, R20 in plain Dutch.</summary>
public sealed partial class MeetingTextTests
{
    [Fact]
    public void Every_refusal_the_meeting_decider_can_give_has_its_own_Dutch_text()
    {
        // Read from the decider's source, so a new refusal without a Dutch text fails here instead of showing the fallback.
        var source = RepositoryFiles.DeciderSource("Meetings", "Meeting");
        var codes = Code().Matches(source).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains("R7.waiver-not-by-residents", codes);
        Assert.Empty(codes.Except(RuleMessage.KnownCodes));
        // The host's own refusals on the meeting pages.
        Assert.Contains("partner.not-a-member", RuleMessage.KnownCodes);
        Assert.Contains("R3.not-carried-over", RuleMessage.KnownCodes);
    }

    [Fact]
    public void Every_deadline_status_of_the_compliance_view_has_its_own_badge_word()
    {
        var words = Enum.GetValues<DeadlineStatus>().Select(s => MeetingTexts.Badge(s).Text).ToList();

        Assert.Equal(["nog open", "op tijd", "te laat", "ontbreekt", "ontheffing", "uitgesteld"], words);
        // The punctuality projection stores the kebab-case names; the Termijnen page shows the same words.
        Assert.Equal("te laat", MeetingTexts.Badge("late").Text);
        Assert.Equal("ontheffing", MeetingTexts.Badge("waived").Text);
        Assert.Equal("uitgesteld", MeetingTexts.Badge("extended").Text);
        Assert.Equal("op tijd", MeetingTexts.Badge("on-time").Text);
    }

    [Fact]
    public void R20_gaps_read_as_a_missing_meeting_in_a_quarter_or_a_month()
    {
        var gaps = MeetingCadence.Gaps([new PlannedMeeting(MeetingKind.ResidentsMeeting, new LocalDate(2026, 2, 10), false)], 2026, Cadence.Default);

        var texts = gaps.Select(VergaderingenModel.CadenceText).ToList();
        Assert.Contains("Geen bewonersbijeenkomst in het 2e kwartaal (afspraak R20).", texts);
        Assert.DoesNotContain("Geen bewonersbijeenkomst in het 1e kwartaal (afspraak R20).", texts);
        Assert.Contains("Geen kerngroepoverleg in mei (afspraak R20).", texts);
    }

    [GeneratedRegex("\"((?:R\\d+|[a-z-]+)\\.[a-z-]+)\"")]
    private static partial Regex Code();
}
