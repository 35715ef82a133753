using Xunit.Sdk;

namespace Governance.Domain.Tests;

public class SpecTests
{
    [Theory]
    [InlineData("R13.direct-interest", "R13", true)]
    [InlineData("R13.direct-interest", "R13.direct-interest", true)]
    [InlineData("R13.direct-interest", "R1", false)]
    [InlineData("R13.direct-interest", "R13.direct", false)]
    [InlineData("partner.unknown", "partner", true)]
    public void A_violation_code_matches_its_rule_id_and_its_full_code_only(string code, string expected, bool matches) =>
        Assert.Equal(matches, Spec.CodeMatches(code, expected));

    private static readonly Spec<int, string, int> Counter = Spec.For<int, string, int>(
        (add, total) => add < 0 ? throw new RuleViolated("counter.negative") : add == 0 ? [] : [$"+{add}"],
        (total, e) => total + int.Parse(e[1..], System.Globalization.CultureInfo.InvariantCulture),
        0);

    [Fact]
    public void Then_fails_when_other_events_are_decided() =>
        Assert.ThrowsAny<XunitException>(() => Counter.When(2).Then("+3"));

    [Fact]
    public void ThenViolates_fails_when_the_command_is_accepted() =>
        Assert.ThrowsAny<XunitException>(() => Counter.When(2).ThenViolates("counter"));

    [Fact]
    public void ThenViolates_fails_when_another_rule_is_violated() =>
        Assert.ThrowsAny<XunitException>(() => Counter.When(-1).ThenViolates("counter.positive"));

    [Fact]
    public void Given_folds_the_history_and_AndThen_sees_the_decided_events()
    {
        var spec = Counter.Given("+1").Given("+2", "+3");

        Assert.Equal(6, spec.State);
        spec.When(4).Then("+4").AndThen(total => Assert.Equal(10, total));
        spec.When(0).ThenNothing();
        spec.When(-1).ThenViolates("counter");
    }
}
