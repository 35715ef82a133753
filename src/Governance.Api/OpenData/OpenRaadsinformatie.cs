using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Projections.Commitments;
using Governance.Projections.Meetings;
using NodaTime;
using NodaTime.Text;

namespace Governance.Api.OpenData;

/// <summary>
/// The meetings in the shape of the Dutch ODS Open Raadsinformatie (VNG Realisatie, OpenAPI 2.0.0-beta.4,
/// github.com/VNG-Realisatie/ODS-Open-Raadsinformatie, <c>specificatie/openapi.yaml</c>), where its fields fit: VERGADERING,
/// AGENDAPUNT and INFORMATIEOBJECT (a shared document, the minutes, and a promise as an informatieobject of type
/// <c>toezegging</c>). What the standard has no field for goes under <c>uitbreiding</c> (docs/open-data.md): who owns a
/// promise and by when it is due, above all. Built on request from the meetings as their streams fold (a download, not a
/// page) and the promises list.
/// </summary>
public static class OpenRaadsinformatie
{
    public const string Dataset = "ori";
    public const string SpecificationVersion = "2.0.0-beta.4";
    public const string SpecificationUrl = "https://github.com/VNG-Realisatie/ODS-Open-Raadsinformatie";

    public sealed record File(string Licence, string LicenceUrl, string Alliance, string Dataset, Instant GeneratedAt, Specification Specificatie,
        IReadOnlyList<Vergadering> Vergaderingen, IReadOnlyList<Agendapunt> Agendapunten, IReadOnlyList<Informatieobject> Informatieobjecten);

    public sealed record Specification(string Naam, string Versie, string Url, string Toelichting);

    /// <param name="Vergaderingstype">Null: the standard's types (raadsvergadering, commissievergadering, …) are a council's; ours is in <c>uitbreiding.soort</c>.</param>
    /// <param name="Status"><c>gepland</c>, <c>gehouden</c> (opened or closed) or <c>geannuleerd</c>.</param>
    public sealed record Vergadering(string Url, string Id, string Naam, string? Vergaderingstype, string Status, string? GeplandeVergaderdatum,
        string? GeplandeAanvangVergadering, string? GeplandeEindeVergadering, string? EindeVergadering, string? Locatie, IReadOnlyList<string> Agendapunten,
        IReadOnlyList<string> Bijlagen, string? Informatieobject, VergaderingUitbreiding Uitbreiding);

    /// <param name="Soort">Our meeting kind (alliance-meeting, core-group-meeting, …).</param>
    /// <param name="Pagina">The meeting's page, in Dutch.</param>
    public sealed record VergaderingUitbreiding(string? Soort, string Pagina);

    public sealed record Agendapunt(string Url, string Id, string Vergadering, string AgendapuntTitel, string Agendapuntvolgnummer, bool IndicatorBehandeld,
        IReadOnlyList<string> Informatieobjecten, AgendapuntUitbreiding Uitbreiding);

    /// <param name="Indiener">The partner that put the item forward (R3).</param>
    public sealed record AgendapuntUitbreiding(string Indiener, string Soort, string Status, string? UitgesteldNaar);

    /// <param name="Informatieobjecttype"><c>besluitvormingsstuk</c>, <c>mededeling</c> (ter kennisgeving), <c>toezegging</c>; null for minutes (the standard links them by <c>genotuleerdeVergadering</c>).</param>
    public sealed record Informatieobject(string Url, string Id, string Titel, string? Informatieobjecttype, string Creatiedatum, string? Link, int? Versie,
        IReadOnlyList<string> Vergaderingen, IReadOnlyList<string> Agendapunten, string? GenotuleerdeVergadering, InformatieobjectUitbreiding? Uitbreiding);

    /// <param name="Partner">Who shared the document, or (a toezegging) who promised: the owner.</param>
    /// <param name="Uiterlijk">A toezegging's due date (R10), the end of that day in Amsterdam.</param>
    /// <param name="Status">A toezegging's status judged now: open, overdue, fulfilled, fulfilled-late, cannot-be-met, withdrawn.</param>
    /// <param name="Sha256">A document's or the minutes' SHA-256, as the ledger records it.</param>
    public sealed record InformatieobjectUitbreiding(string? Partner, string? Uiterlijk, string? Status, string? Sha256);

    public static File Build(AllianceId alliance, Uri site, Instant now, IReadOnlyList<MeetingView> meetings, IReadOnlyList<CommitmentView> promises,
        string licence, string licenceUrl)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(promises);
        var api = $"/api/v1/alliances/{alliance.Value}";
        string Abs(string path) => new Uri(site, path).AbsoluteUri;
        string MeetingUrl(MeetingId m) => Abs($"{api}/meetings/{m.Value}");
        // There is no address per agenda item: the meeting's, with the item as its fragment.
        string ItemUrl(MeetingId m, AgendaItemId i) => MeetingUrl(m) + "#agendapunt-" + i.Value;

        var vergaderingen = new List<Vergadering>();
        var agendapunten = new List<Agendapunt>();
        var objecten = new List<Informatieobject>();
        foreach (var view in meetings)
        {
            if (view.State is Meeting.State.Cancelled c)
            {
                vergaderingen.Add(new Vergadering(MeetingUrl(c.Id), c.Id.Value, $"{Capital(Meetings.MeetingTexts.Kind(c.Kind))} {Presentation.DutchFormat.Date(c.Start.Date)}",
                    null, "geannuleerd", LocalDatePattern.Iso.Format(c.Start.Date), Offset(c.Start), null, null, null, [], [], null,
                    new VergaderingUitbreiding(Kebab(c.Kind.ToString()), Abs($"/allianties/{alliance.Value}/vergaderingen/{c.Id.Value}"))));
                continue;
            }
            if (view.State is not Meeting.State.Scheduled m) continue;
            var url = MeetingUrl(m.Id);
            var items = m.Items.Values.OrderBy(i => i.ProposedAt).ThenBy(i => i.Id.Value, StringComparer.Ordinal).ToList();
            var documents = m.Documents.Values.OrderBy(d => d.FirstSharedAt).ThenBy(d => d.Id.Value, StringComparer.Ordinal).ToList();
            string DocumentUrl(Meeting.SharedDocument d) => Abs($"{api}/meetings/{m.Id.Value}/documents/{d.Id.Value}/versions/{d.Version}/file");
            string? minutesUrl = m.Minutes is { } minutes ? Abs($"{api}/meetings/{m.Id.Value}/minutes/versions/{minutes.Version}/file") : null;

            vergaderingen.Add(new Vergadering(url, m.Id.Value, Mail.NoticeMail.MeetingName(m), null, Status(m.Phase),
                LocalDatePattern.Iso.Format(m.Start.Date), Offset(m.Start), Offset(m.End),
                m.Phase == MeetingPhase.Closed && view.ClosedAt is { } closed ? InstantPattern.General.Format(closed) : null, m.Place,
                [.. items.Select(i => ItemUrl(m.Id, i.Id))], [.. documents.Select(DocumentUrl)], minutesUrl,
                new VergaderingUitbreiding(Kebab(m.Kind.ToString()), Abs($"/allianties/{alliance.Value}/vergaderingen/{m.Id.Value}"))));

            for (var n = 0; n < items.Count; n++)
            {
                var i = items[n];
                agendapunten.Add(new Agendapunt(ItemUrl(m.Id, i.Id), $"{m.Id.Value}.{i.Id.Value}", url, i.Title, (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    i.TakenUp, [.. documents.Where(d => d.Item == i.Id).Select(DocumentUrl)],
                    new AgendapuntUitbreiding(i.Proposer.Value, Kebab(i.Kind.ToString()), Kebab(i.Status.ToString()), i.DeferredTo?.Value)));
            }
            foreach (var d in documents)
            {
                objecten.Add(new Informatieobject(DocumentUrl(d), $"{m.Id.Value}.{d.Id.Value}", d.Title,
                    d.Purpose == DocumentPurpose.DecisionOrDiscussion ? "besluitvormingsstuk" : "mededeling", Date(d.FirstSharedAt), DocumentUrl(d), d.Version,
                    [url], [ItemUrl(m.Id, d.Item)], null, new InformatieobjectUitbreiding(d.Partner.Value, null, null, d.Sha256.Value)));
            }
            if (m.Minutes is { } published)
            {
                objecten.Add(new Informatieobject(minutesUrl!, $"{m.Id.Value}.verslag", $"Verslag {Mail.NoticeMail.MeetingName(m)}", null,
                    Date(published.PublishedAt), minutesUrl, published.Version, [url], [], url, new InformatieobjectUitbreiding(null, null, null, published.Sha256.Value)));
            }
        }

        foreach (var p in promises)
        {
            var source = p.State.Source;
            var meetingUrls = source.Meeting is { } sm ? new[] { MeetingUrl(sm) } : [];
            var itemUrls = source.Meeting is { } im && source.Item is { } item ? new[] { ItemUrl(im, item) } : [];
            var promiseUrl = Abs($"{api}/commitments/{p.Id.Value}");
            objecten.Add(new Informatieobject(promiseUrl, $"toezegging.{p.Id.Value}", p.State.What, "toezegging", Date(p.State.MadeAt), promiseUrl, null,
                meetingUrls, itemUrls, null,
                new InformatieobjectUitbreiding(p.State.Owner.Value, LocalDatePattern.Iso.Format(p.State.Due), Kebab(p.State.StatusAt(now).ToString()), null)));
        }

        return new File(licence, licenceUrl, alliance.Value, Dataset, now,
            new Specification("ODS Open Raadsinformatie", SpecificationVersion, SpecificationUrl,
                "Velden met de naam uit de standaard betekenen wat de standaard zegt. Wat de standaard niet kent, staat onder 'uitbreiding'."),
            vergaderingen, agendapunten, objecten);
    }

    // A cancelled meeting is another state (above); opened or closed, it was held.
    private static string Status(MeetingPhase phase) => phase == MeetingPhase.Planned ? "gepland" : "gehouden";

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Offset(LocalDateTime local) => OffsetDateTimePattern.Rfc3339.Format(local.InZoneLeniently(Meeting.Zone).ToOffsetDateTime());

    private static string Date(Instant instant) => LocalDatePattern.Iso.Format(instant.InZone(Meeting.Zone).Date);

    private static string Kebab(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
