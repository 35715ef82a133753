using Governance.Api.Commands;
using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Governance.Api.Alliances;
using Governance.Api.Auth;
using Governance.Api.Http;
using Governance.Api.Meetings;
using Governance.Api.Presentation;
using Governance.Domain;
using Governance.Domain.Meetings;
using Governance.Projections.Alliances;
using Governance.Projections.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Governance.Api.Meetings;

// The page of one meeting (Vergadering.cshtml.cs): the agenda: draft, items, R7 waivers (R1, R3, R5, R7).
public sealed partial class VergaderingModel
{
    // ---- agenda (R1, R3, R5) ----

    public async Task<IActionResult> OnPostConceptagendaAsync(CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.AgendaKeepers, null, cancellationToken) is { } stop) return stop;
        return await RunAsync(now => new PublishDraftAgenda(now), MeetingRoles.AgendaKeepers, FormErrors.Fields(), "De conceptagenda is gepubliceerd.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAgendapuntAsync(string? partner, string? title, string? kind, string? carriedOver, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Contributors, "agendapunt", cancellationToken) is { } stop) return stop;
        Keep(("agendapunt-partner", partner), ("agendapunt-titel", title), ("agendapunt-soort", kind), ("agendapunt-eerder", carriedOver));
        var fields = FormErrors.Fields(
            ("Partner", "agendapunt-partner", "Kies namens welke partner u het punt aanmeldt.", null),
            ("Title", "agendapunt-titel", "Vul de titel van het agendapunt in.", null),
            ("Id", "agendapunt-titel", "Gebruik in de titel ook letters of cijfers.", null),
            ("Kind", "agendapunt-soort", "Kies wat voor agendapunt het is.", null),
            ("CarriedOverFrom", "agendapunt-eerder", "Kies een uitgesteld punt uit de lijst.", null),
            ("To", "agendapunt-eerder", "Kies een uitgesteld punt uit de lijst.", null));

        // R3: an item carried over keeps its id, so the earlier meeting's deferral can be checked.
        string? id;
        string? from = null;
        if (!string.IsNullOrEmpty(carriedOver) && carriedOver.Split('/') is [var meetingPart, var itemPart])
        {
            from = meetingPart;
            id = itemPart;
        }
        else
        {
            id = FreeItemId(AlliantieModel.SlugFrom(title));
        }
        var request = new ProposeAgendaItemRequest(id, partner, title, kind, from);
        var validation = await proposeValidator.ValidateAsync(request, cancellationToken);
        if (string.IsNullOrWhiteSpace(title)) validation.Errors.RemoveAll(e => e.PropertyName == nameof(ProposeAgendaItemRequest.Id));
        Errors.Add(validation, fields);
        if (Errors.Any) return await ShowAsync(cancellationToken);

        var partnerId = PartnerId.Parse(partner!);
        if (PartnerRefused(MeetingFacts.MayContributeFor(Actor!, Alliance, partnerId), fields) is { } refused) return refused;
        if (Errors.Any) return await ShowAsync(cancellationToken);
        var itemId = AgendaItemId.Parse(id!);
        var carried = from is null ? (MeetingId?)null : MeetingId.Parse(from);
        if (carried is { } earlier && !await MeetingFacts.WasDeferredAsync(Alliance.Id, earlier, View.Id, itemId, meetings, cancellationToken))
        {
            Errors.Add(RuleMessage.For("R3.not-carried-over"), fields);
            return await ShowAsync(cancellationToken);
        }
        var itemKind = Kebab.Parse<AgendaItemKind>(kind!);
        return await RunAsync(now => new ProposeAgendaItem(itemId, partnerId, title!.Trim(), itemKind, carried, now), MeetingRoles.Contributors, fields,
            $"Het agendapunt ‘{title!.Trim()}’ is aangemeld. De dagvoorzitter beslist of het op de agenda komt.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAccepterenAsync(string? item, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Chair, null, cancellationToken) is { } stop) return stop;
        if (ItemOrError(item) is not { } id) return await ShowAsync(cancellationToken);
        return await RunAsync(now => new AcceptAgendaItem(id, now), MeetingRoles.Chair, FormErrors.Fields(),
            $"‘{ItemTitle(id)}’ staat nu op de agenda.", cancellationToken);
    }

    public async Task<IActionResult> OnPostUitstellenAsync(string? item, string? reason, string? to, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Chair, "uitstellen-" + item, cancellationToken) is { } stop) return stop;
        if (ItemOrError(item) is not { } id) return await ShowAsync(cancellationToken);
        Keep((DeferInputId(id), reason), ($"uitstellen-naar-{id.Value}", to));
        var fields = FormErrors.Fields(("Reason", DeferInputId(id), $"Schrijf op waarom ‘{ItemTitle(id)}’ wordt uitgesteld.", null),
            ("To", $"uitstellen-naar-{id.Value}", "Kies een vergadering uit de lijst.", null));
        var target = string.IsNullOrEmpty(to) ? null : to;
        if (!await ValidAsync(deferValidator, new DeferAgendaItemRequest(reason, target), fields, cancellationToken)) return await ShowAsync(cancellationToken);
        return await RunAsync(now => new DeferAgendaItem(id, reason!.Trim(), target is null ? null : MeetingId.Parse(target), now), MeetingRoles.Chair, fields,
            $"‘{ItemTitle(id)}’ is uitgesteld.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAfwijzenAsync(string? item, string? reason, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Chair, "afwijzen-" + item, cancellationToken) is { } stop) return stop;
        if (ItemOrError(item) is not { } id) return await ShowAsync(cancellationToken);
        Keep((RejectInputId(id), reason));
        var fields = FormErrors.Fields(("Reason", RejectInputId(id), $"Schrijf op waarom ‘{ItemTitle(id)}’ niet op de agenda komt.", null));
        if (!await ValidAsync(rejectValidator, new RejectAgendaItemRequest(reason), fields, cancellationToken)) return await ShowAsync(cancellationToken);
        return await RunAsync(now => new RejectAgendaItem(id, reason!.Trim(), now), MeetingRoles.Chair, fields,
            $"‘{ItemTitle(id)}’ is afgewezen.", cancellationToken);
    }

    public async Task<IActionResult> OnPostBehandelenAsync(string? item, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Chair, null, cancellationToken) is { } stop) return stop;
        if (ItemOrError(item) is not { } id) return await ShowAsync(cancellationToken);
        return await RunAsync(now => new TakeUpAgendaItem(id, now), MeetingRoles.Chair, FormErrors.Fields(),
            $"‘{ItemTitle(id)}’ wordt nu behandeld.", cancellationToken);
    }

    /// <summary>R7: a residents' representative lets the chair proceed with an item whose information came too late.</summary>
    public async Task<IActionResult> OnPostOntheffingAsync(string? item, string? partner, string? reason, CancellationToken cancellationToken)
    {
        if (await BeginAsync(MeetingRoles.Waivers, "ontheffing-" + item, cancellationToken) is { } stop) return stop;
        if (ItemOrError(item) is not { } id) return await ShowAsync(cancellationToken);
        Keep((WaiverPartnerId(id), partner), (WaiverInputId(id), reason));
        var fields = FormErrors.Fields(("Partner", WaiverPartnerId(id), "Kies namens welke partner u ontheffing geeft.", null),
            ("Reason", WaiverInputId(id), "Schrijf op waarom de bewoners toch willen doorgaan.", null));
        if (!await ValidAsync(waiveValidator, new WaiveInformationPeriodRequest(partner, reason), fields, cancellationToken)) return await ShowAsync(cancellationToken);
        var partnerId = PartnerId.Parse(partner!);
        if (PartnerRefused(MeetingFacts.MayWaiveFor(Actor!, Alliance, partnerId), fields) is { } refused) return refused;
        if (Errors.Any) return await ShowAsync(cancellationToken);
        var body = MeetingFacts.BodyOf(Alliance, partnerId)!.Value;
        var person = Actor!.Person;
        return await RunAsync(now => new WaiveInformationPeriod(id, person, partnerId, body, reason!.Trim(), now), MeetingRoles.Waivers, fields,
            $"De ontheffing voor ‘{ItemTitle(id)}’ is vastgelegd. De dagvoorzitter mag het punt nu behandelen.", cancellationToken);
    }
}
