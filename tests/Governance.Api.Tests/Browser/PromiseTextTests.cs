using System.Text.RegularExpressions;
using Governance.Api.Commitments;
using Governance.Api.Presentation;
using Governance.Domain.Commitments;

namespace Governance.Api.Tests.Browser;

/// <summary>The words of the promise, year-plan and dispute pages: a Dutch text for every refusal, a badge word for every status.</summary>
public sealed partial class PromiseTextTests
{
    [Theory]
    [InlineData("Commitments", "Commitment.cs", "R10.due-before-made")]
    [InlineData("YearPlans", "YearPlan.cs", "R11.owner-required")]
    [InlineData("Escalations", "Escalation.cs", "R12.no-further-step")]
    public void Every_refusal_the_decider_can_give_has_its_own_Dutch_text(string folder, string file, string example)
    {
        // Read from the decider's source (the RuleViolated codes and those passed to its Required helper), so a new
        // refusal without a Dutch text fails here instead of showing the fallback.
        var source = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src", "Governance.Domain", folder, file));
        var codes = Refusal().Matches(source).Select(m => m.Groups[1].Value).Concat(Required().Matches(source).Select(m => m.Groups[1].Value)).Distinct().ToList();

        Assert.Contains(example, codes);
        Assert.Empty(codes.Except(RuleMessage.KnownCodes));
    }

    [Fact]
    public void Every_status_of_a_promise_has_its_own_badge_word()
    {
        var words = Enum.GetValues<CommitmentStatus>().Select(s => PromiseTexts.Badge(s).Text).ToList();

        Assert.Equal(["open", "te laat", "nagekomen", "te laat nagekomen", "kan niet", "ingetrokken"], words);
    }

    [Fact]
    public void The_keep_rate_and_the_counts_read_as_words()
    {
        Assert.Equal("2 van 3 op tijd nagekomen", PromiseTexts.KeepRate(new KeepRate(2, 3)));
        Assert.Equal("nog geen belofte die al klaar moest zijn", PromiseTexts.KeepRate(new KeepRate(0, 0)));
        Assert.Equal("1 open, 2 te laat", PromiseTexts.Counts(new Dictionary<CommitmentStatus, int> { [CommitmentStatus.Open] = 1, [CommitmentStatus.Overdue] = 2, [CommitmentStatus.Withdrawn] = 0 }));
        Assert.Equal("2,5 dagen", PromiseTexts.Days(2.5));
        Assert.Equal("1 dag", PromiseTexts.Days(1));
    }

    [GeneratedRegex("RuleViolated\\(\"([^\"]+)\"")]
    private static partial Regex Refusal();

    [GeneratedRegex("Required\\([^,()]+, \"([^\"]+)\"")]
    private static partial Regex Required();
}
