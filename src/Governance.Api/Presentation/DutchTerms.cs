using Governance.Domain;
using Governance.Domain.Alliances;

namespace Governance.Api.Presentation;

/// <summary>The alliance's words as the pages say them (Dutch, B1). The domain and the API keep their English names.</summary>
public static class DutchTerms
{
    public static string Kind(PartnerKind kind) => kind switch
    {
        PartnerKind.ResidentsCollective => "bewonerscollectief",
        PartnerKind.Municipality => "gemeente/stadsdeel",
        PartnerKind.HousingCorporation => "woningcorporatie",
        PartnerKind.Welfare => "welzijn",
        PartnerKind.Care => "zorg",
        PartnerKind.Police => "politie",
        PartnerKind.School => "school",
        PartnerKind.Business => "ondernemer",
        PartnerKind.OwnersOrTenantsAssociation => "VvE/huurdersvereniging",
        PartnerKind.Other => "anders",
        _ => kind.ToString(),
    };

    public static string Body(PartnerBody body) => body switch
    {
        PartnerBody.Residents => "bewonersorganisatie",
        PartnerBody.Professional => "professionele organisatie",
        _ => body.ToString(),
    };

    public static string Office(Office office) => office switch
    {
        Domain.Alliances.Office.Chair => "dagvoorzitter",
        Domain.Alliances.Office.Secretary => "projectleider/secretaris",
        Domain.Alliances.Office.Confidant => "vertrouwenspersoon",
        _ => office.ToString(),
    };

    public static string Interest(InterestKind kind) => kind switch
    {
        InterestKind.SideActivity => "nevenactiviteit",
        InterestKind.Interest => "belang",
        InterestKind.SubsidyFlow => "subsidiestroom",
        _ => kind.ToString(),
    };

    /// <summary>"met mandaat": may speak and vote for the partner without checking back first.</summary>
    public static string Mandate(bool hasMandate) => hasMandate ? "met mandaat" : "zonder mandaat";

    /// <summary>First letter upper case, for a word that starts a sentence or a table cell.</summary>
    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>
    /// "Naam (Partner)". A partner's name that ends in brackets of its own ("Bewonerscollectief Osdorp de Punt (BCOP)") loses
    /// them inside these ("Fatima Yilmaz (Bewonerscollectief Osdorp de Punt, BCOP)"): brackets in brackets read badly (issue 13).
    /// </summary>
    public static string PersonOf(string person, string partner) => $"{person} ({WithinBrackets(partner)})";

    /// <summary>A partner's name to be put in brackets: its own closing "(…)" becomes ", …".</summary>
    public static string WithinBrackets(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var open = name.LastIndexOf(" (", StringComparison.Ordinal);
        return open > 0 && name.EndsWith(')') ? $"{name[..open]}, {name[(open + 2)..^1]}" : name;
    }
}
