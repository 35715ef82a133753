namespace Governance.Domain.Tests;

public class RuleViolatedTests
{
    [Fact]
    public void A_violation_carries_its_code_and_a_readable_message()
    {
        var violation = new RuleViolated("R13.direct-interest", "The chair must declare no direct interest in the neighbourhood.");

        Assert.Equal("R13.direct-interest", violation.Code);
        Assert.Equal("Refused (R13.direct-interest): The chair must declare no direct interest in the neighbourhood.", violation.Message);
    }

    [Fact]
    public void A_violation_without_detail_still_reads() =>
        Assert.Equal("Refused (partner.unknown).", new RuleViolated("partner.unknown").Message);

    [Fact]
    public void A_violation_needs_a_code() =>
        Assert.Throws<ArgumentException>(() => new RuleViolated(" "));
}
