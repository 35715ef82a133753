using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Api.Presentation;
using Microsoft.Playwright;
using NodaTime;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Browser;

/// <summary>
/// The resident's and the public's pages (issue 13) on the demo story, without signing in, at desktop size and on a
/// 390×844 phone: the alliance's timeline and the calendar subscription on the meetings page. Reads only: one server.
/// </summary>
[RunsLong(36)]
public sealed partial class ResidentPageTests(Chromium browser, AllianceServer demo, ITestOutputHelper output) : IClassFixture<Chromium>, IClassFixture<AllianceServer>
{
    private static readonly string Alliance = $"/allianties/{AllianceServer.Alliance}";

    [GeneratedRegex(@"^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}, \d{2}:\d{2}$")]
    private static partial Regex DutchDateTime();

    /// <summary>A sentence as the page shows it: every rule number reads "afspraak R7" (and links to it).</summary>
    private static string AsShown(string sentence) => Regex.Replace(sentence, @"\b(?:afspraak )?(R(?:[1-9]|1[0-9]|2[01]))\b", "afspraak $1");

    /// <summary>The timeline as the API tells it, every line (the demo's story fits in one request).</summary>
    private async Task<List<JsonElement>> ApiTimelineAsync()
    {
        await demo.WaitForProjectionAsync("timeline");
        using var client = demo.Server.CreateClient();
        var body = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/alliances/{AllianceServer.Alliance}/timeline?limit=1000", UriKind.Relative));
        return [.. body.GetProperty("timeline").EnumerateArray()];
    }

    [Fact]
    public async Task The_timeline_tells_the_story_in_Dutch_with_partner_names_Amsterdam_times_and_links_to_each_record()
    {
        var lines = await ApiTimelineAsync();
        var sentences = lines.Select(l => l.GetProperty("sentence").GetString()!).ToList();
        // Partners by name, never by their short address name or a placeholder.
        Assert.Contains(sentences, s => s.Contains("Stadsdeel Nieuw-West", StringComparison.Ordinal));
        Assert.DoesNotContain(sentences, s => s.Contains("{partner:", StringComparison.Ordinal) || s.Contains("{p-", StringComparison.Ordinal));
        Assert.DoesNotContain(sentences, s => s.Contains("stadsdeel-nieuw-west", StringComparison.Ordinal));

        await using var session = await demo.NewSessionAsync(browser, output);
        await session.GotoAsync(Alliance);
        var page = session.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Tijdlijn: wat er gebeurde, het nieuwste eerst" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(Alliance + "/tijdlijn") + "$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tijdlijn");

        var items = page.Locator(".wl-timeline__item");
        await Assertions.Expect(items).ToHaveCountAsync(Timeline.TijdlijnModel.PageSize);
        // The newest line first, as the API says it, at its moment in Amsterdam ("dinsdag 12 maart 2026, 19:30").
        var newest = lines[0];
        var at = Instant.FromDateTimeOffset((newest.GetProperty("occurredAt").ValueKind == JsonValueKind.Null ? newest.GetProperty("recordedAt") : newest.GetProperty("occurredAt")).GetDateTimeOffset());
        var first = items.First;
        await Assertions.Expect(first.Locator("time")).ToHaveTextAsync(DutchFormat.DateTime(at));
        await Assertions.Expect(first.Locator("time")).ToHaveTextAsync(DutchDateTime());
        await Assertions.Expect(first).ToContainTextAsync(AsShown(sentences[0]));
        var main = page.GetByRole(AriaRole.Main);
        await Assertions.Expect(main).Not.ToContainTextAsync("{partner:");
        await Assertions.Expect(main).Not.ToContainTextAsync("stadsdeel-nieuw-west");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();

        // Each line leads to the record it belongs to.
        var link = page.Locator(".wl-timeline__item a").Filter(new() { HasTextRegex = new Regex("^Naar (de vergadering|het besluit|de belofte)$") }).First;
        var href = await link.GetAttributeAsync("href");
        Assert.Matches($"^{Regex.Escape(Alliance)}/(vergaderingen|besluiten|beloftes)/[a-z0-9-]+$", href);

        // Page 2: the next 25 lines, older.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Bladeren door de tijdlijn" }).GetByRole(AriaRole.Link, new() { Name = "Volgende pagina" }).ClickAndWaitForPageAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("pagina=2$"));
        await Assertions.Expect(page.GetByText($"Pagina 2 van {(lines.Count + Timeline.TijdlijnModel.PageSize - 1) / Timeline.TijdlijnModel.PageSize}")).ToBeVisibleAsync();
        await Assertions.Expect(items.First).ToContainTextAsync(AsShown(sentences[Timeline.TijdlijnModel.PageSize]));
        await session.AssertNoAxeViolationsAsync();

        await session.GotoAsync(href!);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href!) + "$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Rule_numbers_on_the_timeline_link_to_the_working_agreement_they_name()
    {
        var lines = await ApiTimelineAsync();
        var index = lines.FindIndex(l => Regex.IsMatch(l.GetProperty("sentence").GetString()!, @"\bR\d+\b"));
        Assert.True(index >= 0, "The demo's timeline cites a working agreement somewhere.");
        var rule = Regex.Match(lines[index].GetProperty("sentence").GetString()!, @"\b(R\d+)\b").Groups[1].Value;

        await using var session = await demo.NewSessionAsync(browser, output);
        await session.GotoAsync($"{Alliance}/tijdlijn?pagina={index / Timeline.TijdlijnModel.PageSize + 1}");
        var page = session.Page;
        var link = page.Locator(".wl-timeline__item").Nth(index % Timeline.TijdlijnModel.PageSize).GetByRole(AriaRole.Link, new() { Name = $"afspraak {rule}", Exact = true });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", $"{Alliance}/werkafspraken#{rule}");
        await link.ClickAndWaitForPageAsync();
        await Assertions.Expect(page.Locator($"tr#{rule}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_timeline_fits_a_phone()
    {
        await demo.WaitForProjectionAsync("timeline");
        await using var session = await demo.NewSessionAsync(browser, output);
        await session.Page.SetViewportSizeAsync(390, 844);
        await session.GotoAsync($"{Alliance}/tijdlijn");
        await Assertions.Expect(session.Page.Locator(".wl-timeline__item").First).ToBeVisibleAsync();
        var overflow = await session.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The timeline scrolls sideways on a 390 px wide screen (WCAG 1.4.10 reflow).");
        await session.AssertNoAxeViolationsAsync();
        await session.ScreenshotAsync();
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task The_meetings_page_offers_both_calendar_feeds_as_a_subscription_with_Dutch_steps(int width, int height)
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        await session.Page.SetViewportSizeAsync(width, height);
        await session.GotoAsync($"{Alliance}/vergaderingen");
        var page = session.Page;
        var site = new Uri(page.Url);
        var api = $"{site.Authority}/api/v1/alliances/{AllianceServer.Alliance}";
        var block = page.GetByRole(AriaRole.Region, new() { Name = "Abonneren op de agenda" });
        await Assertions.Expect(block.GetByRole(AriaRole.Link, new() { Name = "Alleen de vergaderingen" })).ToHaveAttributeAsync("href", $"webcal://{api}/calendar/meetings.ics");
        await Assertions.Expect(block.GetByRole(AriaRole.Link, new() { Name = "Vergaderingen en termijnen" })).ToHaveAttributeAsync("href", $"webcal://{api}/calendar.ics");
        foreach (var calendarApp in new[] { "Google Agenda", "Outlook", "Apple Agenda" }) await Assertions.Expect(block).ToContainTextAsync(calendarApp);

        // The addresses to paste are the feeds themselves.
        var meetingsOnly = block.GetByLabel("Adres voor alleen de vergaderingen");
        await Assertions.Expect(meetingsOnly).ToHaveValueAsync($"{site.Scheme}://{api}/calendar/meetings.ics");
        await Assertions.Expect(block.GetByLabel("Adres voor vergaderingen en termijnen")).ToHaveValueAsync($"{site.Scheme}://{api}/calendar.ics");
        using (var client = demo.Server.CreateClient())
        using (var feed = await client.GetAsync(new Uri(await meetingsOnly.InputValueAsync())))
        {
            Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!.Events);
        }

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, $"The meetings page scrolls sideways at {width} px (WCAG 1.4.10 reflow).");
        await session.AssertNoAxeViolationsAsync();
        await block.ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync(width.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Contact_leads_to_the_alliances_secretary()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        await session.GotoAsync($"{Alliance}/werkafspraken");
        var page = session.Page;
        var contact = page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Contact met uw wijkalliantie" });
        await Assertions.Expect(contact).ToHaveAttributeAsync("href", $"{Alliance}#contact");
        await contact.ClickAndWaitForPageAsync();
        var section = page.GetByRole(AriaRole.Region, new() { Name = "Contact", Exact = true });
        await Assertions.Expect(section).ToContainTextAsync("Neem contact op met Youssef El Amrani, de projectleider (secretaris).");
        await session.AssertNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_small_words_residents_stumbled_on_read_plainly()
    {
        await using var session = await demo.NewSessionAsync(browser, output);
        var page = session.Page;

        // Werkafspraken: the "Geheim" row says what it means, without a double negative.
        await session.GotoAsync($"{Alliance}/werkafspraken");
        var secret = page.Locator("tr#Geheim");
        await Assertions.Expect(secret).ToContainTextAsync("Geheim stemmen");
        await Assertions.Expect(secret).Not.ToContainTextAsync("Stemmen zichtbaar");
        await Assertions.Expect(page.Locator("tr#Quorum")).ToContainTextAsync("Genoeg partners aanwezig om te stemmen");

        // A kept promise's evidence is a link, not an address in brackets.
        await session.GotoAsync($"{Alliance}/beloftes/ymere-renovatieplan");
        var evidence = page.GetByRole(AriaRole.Link, new() { Name = "Bekijk het bewijs" });
        await Assertions.Expect(evidence).ToHaveAttributeAsync("href", "https://example.org/renovatieplan-tussen-meer");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("(https://example.org");
        await session.AssertNoAxeViolationsAsync();

        // "regel 219" says what a line of the ledger is.
        await session.GotoAsync($"{Alliance}/beloftes");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Elke gebeurtenis staat in het logboek op een eigen, genummerde regel.");

        // Jaarplan: a goal's date is its target ("streefdatum"), not the day it was reached.
        await session.GotoAsync($"{Alliance}/jaarplan");
        var plan = page.GetByRole(AriaRole.Main).Locator($"a[href^='{Alliance}/jaarplan/']").First;
        if (await plan.CountAsync() > 0) await plan.ClickAndWaitForPageAsync();
        await Assertions.Expect(page.GetByText("Streefdatum:").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Bereikt op:")).ToHaveCountAsync(0);
        await session.AssertNoAxeViolationsAsync();
    }
}
