namespace Governance.Domain.Tests;

public class IdentifierTests
{
    [Theory]
    [InlineData("osdorp-de-punt")]
    [InlineData("a")]
    [InlineData("0-9")]
    [InlineData("bcop-")]
    public void A_lower_case_slug_is_an_alliance_and_a_partner_id(string slug)
    {
        Assert.Equal(slug, AllianceId.Parse(slug).Value);
        Assert.Equal(slug, PartnerId.Parse(slug).ToString());
        Assert.Equal(slug, DeclarationId.Parse(slug).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-bcop")]
    [InlineData("Osdorp")]
    [InlineData("osdorp de punt")]
    [InlineData("osdorp_de_punt")]
    [InlineData("ymère")]
    [InlineData("ymere\n")]
    public void Anything_else_is_not_a_slug(string text)
    {
        Assert.Throws<FormatException>(() => AllianceId.Parse(text));
        Assert.Throws<FormatException>(() => new PartnerId(text));
        Assert.False(DeclarationId.TryParse(text, out _));
    }

    [Fact]
    public void A_slug_is_at_most_100_characters()
    {
        Assert.True(PartnerId.TryParse(new string('a', 100), out _));
        Assert.False(PartnerId.TryParse(new string('a', 101), out _));
        Assert.False(PartnerId.TryParse(null, out _));
    }

    [Fact]
    public void Ids_are_equal_by_value()
    {
        Assert.Equal(PartnerId.Parse("ymere"), new PartnerId("ymere"));
        Assert.NotEqual(PartnerId.Parse("ymere"), PartnerId.Parse("ymere-2"));
    }

    [Fact]
    public void Ids_parse_through_IParsable_for_the_host() =>
        Assert.Equal(PersonId.Parse("p-0123456789ab"), ParseAs<PersonId>("p-0123456789ab"));

    [Theory]
    [InlineData("p-0123456789ab")]
    [InlineData("p-000000000000")]
    public void A_person_id_is_p_and_12_hex_digits(string text) =>
        Assert.Equal(text, PersonId.Parse(text).Value);

    [Theory]
    [InlineData("jan.jansen@example.nl")]
    [InlineData("p-janjansen12")]
    [InlineData("p-0123456789AB")]
    [InlineData("p-0123456789a")]
    [InlineData("p-0123456789abc")]
    [InlineData("0123456789ab")]
    public void A_name_or_an_email_address_is_never_a_person_id(string text) =>
        Assert.False(PersonId.TryParse(text, out _));

    [Fact]
    public void A_person_id_is_made_from_six_random_bytes_drawn_by_the_host()
    {
        Assert.Equal("p-00ff10a0b0c0", PersonId.FromBytes([0x00, 0xff, 0x10, 0xa0, 0xb0, 0xc0]).Value);
        Assert.Throws<ArgumentException>(() => PersonId.FromBytes([1, 2, 3]));
    }

    [Fact]
    public void A_default_id_has_no_value_and_says_so()
    {
        Assert.Throws<InvalidOperationException>(() => default(PartnerId).Value);
        Assert.Equal("", default(PersonId).ToString());
    }

    private static T ParseAs<T>(string text)
        where T : IParsable<T> => T.Parse(text, null);
}
