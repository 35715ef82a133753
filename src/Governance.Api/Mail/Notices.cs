using Governance.Api.Meetings;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Commitments;
using Governance.Domain.Escalations;
using Governance.Domain.Meetings;
using Governance.Domain.Proposals;
using Governance.Projections.Alliances;
using Marten;
using Microsoft.Extensions.Options;
using NodaTime;
using Wolverine;

namespace Governance.Api.Mail;

/// <summary>
/// Events <paramref name="FromVersion"/> to <paramref name="ToVersion"/> of <paramref name="Stream"/> were just recorded and
/// some of them are news for people who follow them (issue 14 §2). Published through the outbox with the events.
/// </summary>
public sealed record NoticeDue(string Tenant, string Stream, long FromVersion, long ToVersion);

/// <summary>Which recorded events people hear about by mail.</summary>
public static class Notices
{
    public static bool IsNews(object e) => e is CommitmentBecameOverdue or CommitmentReportedNotPossible or MeetingDeadlineMissed
        or ExecutionDeclined or AdviceMotivationRecorded or AdviceMotivationOverdue or EscalationRaised or EscalationMovedToNextStep
        or ConsentReached or VoteClosed;

    /// <summary>The notice for a command's outcome, or null when none of its events is news.</summary>
    public static NoticeDue? For(string tenant, string stream, long streamVersion, IReadOnlyList<object> events) =>
        events.Any(IsNews) ? new NoticeDue(tenant, stream, streamVersion - events.Count + 1, streamVersion) : null;
}

public static class NoticeDueHandler
{
    public static Task Handle(NoticeDue message, IDocumentSession session, IMessageContext context, NoticeMail notices, CancellationToken cancellationToken) =>
        notices.QueueAsync(message, session, context, cancellationToken);
}

/// <summary>
/// Turns news into mail: who follows it (the partner's representatives, the core group, the people on a dispute, who
/// attended the meeting) and the text; once per event and person (<see cref="MailQueue"/>).
/// </summary>
public sealed class NoticeMail(IOptions<MailSettings> settings, MailAudience audience, AllianceQueries alliances)
{
    public async Task QueueAsync(NoticeDue message, IDocumentSession session, IMessageContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(session);
        if (!settings.Value.Enabled) return;
        await MailQueue.LockAllianceAsync(session, message.Tenant, ct);
        var stream = await session.Events.FetchStreamAsync(message.Stream, token: ct);
        var alliance = await alliances.GetAsync(AllianceId.Parse(message.Tenant), cancellationToken: ct);
        if (alliance is null) return;
        var history = stream.Select(e => e.Data).ToList();
        foreach (var recorded in stream.Where(e => e.Version >= message.FromVersion && e.Version <= message.ToVersion && Notices.IsNews(e.Data)))
        {
            var prior = stream.Where(e => e.Version < recorded.Version).Select(e => e.Data).ToList();
            var (kind, mails) = await MailsAsync(message.Tenant, alliance, recorded.Data, prior, history, session, ct);
            if (mails.Count == 0) continue;
            await MailQueue.QueueOnceAsync(session, context, $"notice:{message.Tenant}:{message.Stream}:{recorded.Version}", kind, mails, ct);
        }
    }

    private async Task<(MailKind, List<(PersonId, MailText)>)> MailsAsync(string tenant, AllianceView alliance, object e, List<object> prior,
        List<object> history, IDocumentSession session, CancellationToken ct)
    {
        string PartnerName(PartnerId p) => alliance.Partner(p)?.Name ?? p.Value;
        string ProposalTitle() => history.OfType<ProposalTabled>().LastOrDefault()?.Title ?? "";
        var core = await audience.CoreGroupAsync(tenant, ct);
        async Task<List<(PersonId, MailText)>> To(MailText text, PartnerId? partner, bool coreGroup, IEnumerable<PersonId>? others = null)
        {
            var people = new List<PersonId>();
            if (partner is { } p) people.AddRange(await audience.RepresentativesAsync(tenant, p, ct));
            if (coreGroup) people.AddRange(core);
            if (others is not null) people.AddRange(others);
            return [.. people.Distinct().Select(x => (x, text))];
        }

        switch (e)
        {
            case CommitmentBecameOverdue overdue when Commitment.Decider.Fold(prior.OfType<CommitmentEvent>()) is Commitment.State.Made promise:
                return (MailKinds.Missed, await To(MailTexts.PromiseOverdue(tenant, promise.Id.Value, PartnerName(promise.Owner), promise.What, overdue.Due),
                    promise.Owner, coreGroup: true));
            case CommitmentReportedNotPossible notPossible when Commitment.Decider.Fold(prior.OfType<CommitmentEvent>()) is Commitment.State.Made promise:
                return (MailKinds.Missed, await To(MailTexts.PromiseNotPossible(tenant, promise.Id.Value, PartnerName(promise.Owner), promise.What, notPossible.Motivation),
                    null, coreGroup: true));
            case MeetingDeadlineMissed missed when Meeting.Decider.Fold(prior.OfType<MeetingEvent>()) is Meeting.State.Scheduled meeting:
                return (MailKinds.Missed, await To(MailTexts.MeetingDeadlineMissed(tenant, meeting.Id.Value, MeetingName(meeting), DeadlineTexts.Rule(missed.Rule),
                    DeadlineTexts.Subject(meeting, missed.Subject), missed.DueAt), missed.ResponsiblePartner, coreGroup: true));
            case ExecutionDeclined declined:
                return (MailKinds.Advice, await To(MailTexts.AdviceToPartner(tenant, ProposalTitle(), PartnerName(declined.Partner), declined.Reason, declined.MotivationDue),
                    declined.Partner, coreGroup: false));
            case AdviceMotivationRecorded motivation:
                return (MailKinds.Advice, await To(MailTexts.MotivationReceived(tenant, ProposalTitle(), PartnerName(motivation.Partner), motivation.FollowsAdvice, motivation.Late),
                    null, coreGroup: true));
            case AdviceMotivationOverdue late:
                return (MailKinds.Missed, await To(MailTexts.MotivationOverdue(tenant, ProposalTitle(), PartnerName(late.Partner), late.Due), late.Partner, coreGroup: true));
            case EscalationRaised raised:
            {
                var ladder = raised.Ladder;
                var entered = history.OfType<EscalationStepEntered>().FirstOrDefault();
                if (entered is null) break;
                var text = MailTexts.DisputeRaised(tenant, raised.Escalation.Value, raised.Reason, entered.Step,
                    Alliances.AgreementTexts.Step(ladder.Step(entered.Step).Description), entered.RespondBy);
                return (MailKinds.Disputes, await To(text, null, coreGroup: true, alliance.EscalationContacts.Append(raised.RaisedBy)));
            }
            case EscalationMovedToNextStep moved:
            {
                var raised = history.OfType<EscalationRaised>().First();
                var text = MailTexts.DisputeMovedUp(tenant, raised.Escalation.Value, raised.Reason, moved.ToStep,
                    Alliances.AgreementTexts.Step(raised.Ladder.Step(moved.ToStep).Description), moved.DeadlinePassed);
                var onIt = history.OfType<EscalationResponseRecorded>().Select(r => r.By)
                    .Concat(history.OfType<EscalationAdviceGiven>().Select(a => a.By)).Append(raised.RaisedBy).Concat(alliance.EscalationContacts);
                return (MailKinds.Disputes, await To(text, null, coreGroup: true, onIt));
            }
            case ConsentReached or VoteClosed:
            {
                // R8: to the people who attended the meeting where it was decided.
                var tabled = history.OfType<ProposalTabled>().FirstOrDefault();
                if (tabled is null) break;
                var meetingEvents = (await session.Events.FetchStreamAsync(tabled.Meeting.StreamId, token: ct)).Select(x => x.Data).OfType<MeetingEvent>();
                if (Meeting.Decider.Fold(meetingEvents) is not Meeting.State.Scheduled meeting) break;
                var outcome = e switch
                {
                    ConsentReached => "aangenomen met consent",
                    VoteClosed { Outcome: VoteOutcome.Adopted } v => $"aangenomen met een stemming ({v.ForCount} voor, {v.AgainstCount} tegen, {v.AbstainCount} onthouding)",
                    VoteClosed { Outcome: VoteOutcome.Rejected } v => $"niet aangenomen ({v.ForCount} voor, {v.AgainstCount} tegen, {v.AbstainCount} onthouding)",
                    _ => "geen besluit: er waren niet genoeg stemmen",
                };
                var text = MailTexts.DecisionTaken(tenant, tabled.Proposal.Value, tabled.Title, MeetingName(meeting), outcome);
                return (MailKinds.Decisions, await To(text, null, coreGroup: false, meeting.Attendance.Keys));
            }
        }
        return (MailKinds.Missed, []);
    }

    public static string MeetingName(Meeting.State.Scheduled meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var kind = MeetingTexts.Kind(meeting.Kind);
        return $"{char.ToUpperInvariant(kind[0])}{kind[1..]} {DutchFormat.Date(meeting.StartsAt.ToInstant())}";
    }
}
