using Governance.Api.Presentation;

namespace Governance.Api.Tests.Presentation;

/// <summary>Issue 13: a person and their partner read "Naam (Partner)", never with brackets in brackets.</summary>
public sealed class DutchTermsTests
{
    [Theory]
    [InlineData("Sanne Visser", "Ymere", "Sanne Visser (Ymere)")]
    [InlineData("Fatima Yilmaz", "Bewonerscollectief Osdorp de Punt (BCOP)", "Fatima Yilmaz (Bewonerscollectief Osdorp de Punt, BCOP)")]
    [InlineData("Piet", "Stichting (in oprichting) Groen", "Piet (Stichting (in oprichting) Groen)")]
    public void A_person_of_a_partner_reads_without_brackets_in_brackets_where_the_partner_name_ends_in_its_own(
        string person, string partner, string expected) =>
        Assert.Equal(expected, DutchTerms.PersonOf(person, partner));
}
