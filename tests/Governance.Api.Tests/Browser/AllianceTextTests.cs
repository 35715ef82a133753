using System.Text.RegularExpressions;
using Governance.Api.Alliances;
using Governance.Api.Presentation;
using Governance.Domain;

namespace Governance.Api.Tests.Browser;

/// <summary>The words the alliance pages use: a Dutch text for every refusal, the agreements in plain Dutch, addresses made from names.</summary>
public sealed partial class AllianceTextTests
{
    [Fact]
    public void Every_refusal_the_alliance_decider_can_give_has_its_own_Dutch_text()
    {
        // Read from the decider's source, so a new refusal without a Dutch text fails here instead of showing the fallback.
        var source = RepositoryFiles.DeciderSource("Alliances", "Alliance");
        var codes = Code().Matches(source).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains("partner.already-member", codes);
        Assert.Empty(codes.Except(RuleMessage.KnownCodes));
    }

    [Fact]
    public void A_known_refusal_reads_as_Dutch_and_an_unknown_one_falls_back_to_a_general_sentence_that_names_its_code()
    {
        Assert.Equal(new RuleMessage("Deze partner zit al aan tafel.", "Id"), RuleMessage.For("partner.already-member"));
        Assert.Contains("R13", RuleMessage.For("R13.direct-interest").Text, StringComparison.Ordinal);

        var unknown = RuleMessage.For("R99.something-new");
        Assert.Null(unknown.Field);
        Assert.StartsWith("De werkafspraken van de alliantie staan dit niet toe.", unknown.Text, StringComparison.Ordinal);
        Assert.EndsWith("R99.something-new.", unknown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_agreements_are_written_out_for_every_rule_with_this_versions_numbers()
    {
        var lines = AgreementTexts.For(WorkingAgreements.Default);

        Assert.Equal([.. Enumerable.Range(1, 21).Select(i => $"R{i}"), "Quorum", "Geheim"], lines.Select(l => l.Rule));
        Assert.Equal("14 dagen voor de vergadering", lines.Single(l => l.Rule == "R2").Agreement);
        Assert.Equal("tot 48 uur voor de vergadering", lines.Single(l => l.Rule == "R5").Agreement);
        Assert.Contains("telt 2 keer", lines.Single(l => l.Rule == "R14").Agreement, StringComparison.Ordinal);
        Assert.Contains("tussen 09:00 en 17:00", lines.Single(l => l.Rule == "R18").Agreement, StringComparison.Ordinal);
        // No English from the domain's defaults leaks onto the page.
        Assert.DoesNotContain(lines, l => l.Agreement.Contains("steering group", StringComparison.Ordinal));
    }

    [Fact]
    public void An_amendment_names_the_rules_whose_text_changed()
    {
        var amended = WorkingAgreements.Default with
        {
            Version = 2,
            Documents = LeadTime.Days(21),
            VoteWeights = new VoteWeights(3, 1),
        };

        Assert.Equal(["R2", "R14"], AgreementTexts.Changed(WorkingAgreements.Default, amended));
        Assert.Empty(AgreementTexts.Changed(WorkingAgreements.Default, WorkingAgreements.Default with { Version = 2 }));
        Assert.Equal("1 dag", AgreementTexts.Span(LeadTime.Days(1)));
    }

    [Theory]
    [InlineData("Ymere", "ymere")]
    [InlineData("!Woon", "woon")]
    [InlineData("Stichting Coöperatie Één  — Nieuw-West", "stichting-cooperatie-een-nieuw-west")]
    [InlineData("   ", "")]
    public void An_address_is_made_from_a_partners_name(string name, string expected)
    {
        Assert.Equal(expected, AlliantieModel.SlugFrom(name));
        if (expected.Length > 0) Assert.True(PartnerId.TryParse(expected, out _));
    }

    [GeneratedRegex("\"((?:R\\d+|[a-z-]+)\\.[a-z-]+)\"")]
    private static partial Regex Code();
}
