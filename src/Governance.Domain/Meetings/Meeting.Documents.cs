namespace Governance.Domain.Meetings;

/// <summary>What is shared for the meeting: documents and their versions (R2), the residents' announcement (R4), the minutes (R6).</summary>
public static partial class Meeting
{
    private static IReadOnlyList<MeetingEvent> Share(ShareDocument c, State.Scheduled s)
    {
        NotClosed(s);
        var title = Required(c.Title, "document.title-required", "A document needs a title.");
        if (!Enum.IsDefined(c.Purpose))
        {
            throw new RuleViolated("document.purpose-unknown", $"'{c.Purpose}' is not a purpose of a document.");
        }

        var storageKey = ValidFile(c.SizeBytes, c.StorageKey);
        OnTheAgenda(s, c.Item);
        if (s.Documents.TryGetValue(c.Document, out var existing))
        {
            return (existing.Item, existing.Partner, existing.Title, existing.Purpose, existing.Sha256, existing.SizeBytes, existing.StorageKey)
                == (c.Item, c.Partner, title, c.Purpose, c.Sha256, c.SizeBytes, storageKey)
                ? []
                : throw new RuleViolated("document.duplicate-id", $"Document '{c.Document}' exists already; replace it for a new version.");
        }

        // R2/R4: shared-at is the recorded time, so nobody can backdate their own compliance.
        return [new DocumentShared(c.Document, c.Item, c.Partner, title, c.Purpose, c.Sha256, c.SizeBytes, storageKey, c.Now)];
    }

    private static IReadOnlyList<MeetingEvent> Replace(ReplaceDocument c, State.Scheduled s)
    {
        NotClosed(s);
        var document = s.Documents.TryGetValue(c.Document, out var d)
            ? d
            : throw new RuleViolated("document.unknown", $"There is no document '{c.Document}'.");
        var storageKey = ValidFile(c.SizeBytes, c.StorageKey);
        var title = string.IsNullOrWhiteSpace(c.Title) ? document.Title : c.Title.Trim();
        OnTheAgenda(s, document.Item);
        if (document.Sha256 == c.Sha256 && document.Title == title)
        {
            return [];
        }

        var reason = Required(c.Reason, "document.reason-required", "A new version says why it replaces the old one.");

        // The lead time now counts from this version: it is the one that will be discussed.
        return [new DocumentReplaced(c.Document, document.Version + 1, title, c.Sha256, c.SizeBytes, storageKey, reason, c.Now)];
    }

    private static IReadOnlyList<MeetingEvent> Announce(AnnounceResidentsMeeting c, State.Scheduled s)
    {
        if (s.Kind != MeetingKind.ResidentsMeeting)
        {
            throw new RuleViolated("meeting.not-a-residents-meeting", "Only a residents' meeting is announced to all residents (R6).");
        }

        if (!Enum.IsDefined(c.Channel))
        {
            throw new RuleViolated("announcement.channel-unknown", $"'{c.Channel}' is not an announcement channel.");
        }

        NotYetOpened(s);

        // R6 counts the first announcement per channel.
        return s.Announcements.ContainsKey(c.Channel) ? [] : [new ResidentsMeetingAnnounced(c.Channel, c.Now)];
    }

    private static IReadOnlyList<MeetingEvent> PublishMinutes(PublishMinutes c, State.Scheduled s)
    {
        if (s.Phase != MeetingPhase.Closed)
        {
            throw new RuleViolated("meeting.not-closed", "Minutes follow the closed meeting.");
        }

        var storageKey = ValidFile(c.SizeBytes, c.StorageKey);
        if (s.Minutes is { } minutes)
        {
            if (minutes.Sha256 == c.Sha256)
            {
                return [];
            }

            var reason = Required(c.Reason, "minutes.reason-required", "A revision of the minutes says what it corrects.");
            return [new MinutesPublished(minutes.Version + 1, c.Sha256, c.SizeBytes, storageKey, reason, c.Now)];
        }

        return [new MinutesPublished(1, c.Sha256, c.SizeBytes, storageKey, string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim(), c.Now)];
    }

    private static string ValidFile(long sizeBytes, string storageKey)
    {
        if (sizeBytes <= 0)
        {
            throw new RuleViolated("document.empty", "An empty file shares nothing.");
        }

        return Required(storageKey, "document.storage-key-required", "The host names where it stored the file.");
    }
}
