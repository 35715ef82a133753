using Microsoft.Playwright;

namespace Governance.Api.Tests.Browser;

/// <summary>Following a link or posting a form, and waiting for the page it leads to — never for the network to go quiet.</summary>
public static class Navigation
{
    /// <summary>
    /// Clicks <paramref name="target"/> (a link, or a form's button) and waits until the page it leads to has loaded:
    /// the page's main frame has navigated and the new document's load event has fired. Whatever the test asserts next
    /// is then asserted on that page, not on the one before (which may hold the same text, or the same address).
    /// </summary>
    public static async Task ClickAndWaitForPageAsync(this ILocator target)
    {
        var page = target.Page;
        var navigated = 0;
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame) Interlocked.Exchange(ref navigated, 1);
        }
        void OnLoad(object? sender, IPage loadedPage)
        {
            if (Volatile.Read(ref navigated) == 1) loaded.TrySetResult();
        }
        page.FrameNavigated += OnNavigated;
        page.Load += OnLoad;
        try
        {
            await target.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromMilliseconds(BrowserFixture.Timeout));
        }
        catch (System.TimeoutException)
        {
            throw new System.TimeoutException($"The click on {target} led to no page that loaded within {BrowserFixture.Timeout / 1000} s (the page is at {page.Url}).");
        }
        finally
        {
            page.FrameNavigated -= OnNavigated;
            page.Load -= OnLoad;
        }
    }
}
