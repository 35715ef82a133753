using Governance.Api.Http;
using Governance.Domain.Meetings;
using Governance.Projections.Meetings;

namespace Governance.Api.Meetings;

/// <summary>Maps the folded meeting to the API's shapes; enums are kebab-case through the shared JSON options.</summary>
public static class MeetingResponses
{
    public static MeetingResponse From(string alliance, MeetingView view)
    {
        var meetingPath = $"/api/v1/alliances/{alliance}/meetings/{view.Id.Value}";
        switch (view.State)
        {
            case Meeting.State.Scheduled s:
                var items = s.Items.Values.OrderBy(i => i.ProposedAt).ThenBy(i => i.Id.Value, StringComparer.Ordinal)
                    .Select(i =>
                    {
                        var d = s.IsDecidable(i.Id);
                        return new AgendaItemResponse(i.Id.Value, i.Proposer.Value, i.Title, i.Kind, i.Status, i.CarriedOverFrom?.Value,
                            i.ProposedAt, i.DeferredTo?.Value, i.TakenUp, new DecidabilityResponse(d.Decidable, d.Refusal, d.Detail, d.UnderWaiver));
                    }).ToList();
                var documents = s.Documents.Values.OrderBy(d => d.FirstSharedAt).ThenBy(d => d.Id.Value, StringComparer.Ordinal)
                    .Select(d => new DocumentResponse(d.Id.Value, d.Item.Value, d.Partner.Value, d.Title, d.Purpose, d.Version,
                        [.. view.DocumentVersions.Where(v => v.Document == d.Id).Select(v => new DocumentVersionResponse(v.Version, v.Title,
                            v.Sha256.Value, v.SizeBytes, v.SharedAt, $"{meetingPath}/documents/{d.Id.Value}/versions/{v.Version}/file"))]))
                    .ToList();
                return new MeetingResponse(view.Id.Value, s.Kind, Kebab.Of(s.Phase), s.Start, s.End, s.Place, view.DuringOfficeHours,
                    s.Terms.AgreementsVersion, view.Reschedules, s.DraftAgendaPublishedAt, null, items, documents,
                    s.Announcements.ToDictionary(a => Kebab.Of(a.Key), a => a.Value),
                    [.. s.Attendance.Select(a => new AttendeeResponse(a.Key.Value, a.Value.Partner.Value, a.Value.Body,
                            [.. (view.AttendanceCorrections.GetValueOrDefault(a.Key) ?? []).Select(c => new AttendanceCorrectionResponse(
                                c.PreviousPartner.Value, c.Partner.Value, c.CorrectedBy.Value, c.CorrectedAs, c.Reason, c.CorrectedAt))]))
                        .OrderBy(a => a.Person, StringComparer.Ordinal)],
                    s.Balance,
                    [.. view.Minutes.Select(m => new MinutesResponse(m.Version, m.Sha256.Value, m.SizeBytes, m.PublishedAt, $"{meetingPath}/minutes/versions/{m.Version}/file"))]);
            case Meeting.State.Cancelled c:
                return new MeetingResponse(view.Id.Value, c.Kind, "cancelled", c.Start, c.Start, string.Empty, false, c.Terms.AgreementsVersion,
                    view.Reschedules, null, c.Reason, [], [], new Dictionary<string, NodaTime.Instant>(), [], TableBalance.Empty, []);
            default:
                throw new InvalidOperationException($"Meeting '{view.Id}' has events but is not scheduled.");
        }
    }

    /// <summary>The compliance view is exactly <see cref="MeetingDeadlines.Of"/>: one check per deadline per subject.</summary>
    public static ComplianceResponse Compliance(DeadlineList list) => new(list.AgreementsVersion,
        [.. list.Checks.Select(c => new ComplianceCheckResponse(c.Rule, SubjectOf(c.Subject), c.ResponsiblePartner?.Value,
            c.ResponsibleOffice is { } office ? Kebab.Of(office) : null, c.AgreedDueAt, c.DueAt, c.DoneAt, c.Status))]);

    /// <summary>"meeting", "item:…", "document:…" or "channel:…": one string a client can match on.</summary>
    public static string SubjectOf(DeadlineSubject subject) => subject switch
    {
        { Item: { } item } => "item:" + item.Value,
        { Document: { } document } => "document:" + document.Value,
        { Channel: { } channel } => "channel:" + Kebab.Of(channel),
        _ => "meeting",
    };
}
