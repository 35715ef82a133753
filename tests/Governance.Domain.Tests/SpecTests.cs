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
}
