using PuppeteerSharp;

namespace BackpropPS.Browser.Tests;

/// <summary>
/// A page opened from a file with every request watched: the file itself is let through, anything else (a CDN,
/// a font, an image) is recorded and aborted; console errors and uncaught exceptions are recorded too.
/// </summary>
public sealed class OpenedPage : IAsyncDisposable
{
    public IPage Page { get; private set; }

    /// <summary>Every request other than the page's own file, and every data: URL's scheme is allowed (it is inline).</summary>
    public List<string> Requests { get; } = new List<string>();

    /// <summary>Console errors and uncaught exceptions.</summary>
    public List<string> Errors { get; } = new List<string>();

    public static async Task<OpenedPage> OpenAsync(IBrowser browser, string path)
    {
        var opened = new OpenedPage { Page = await browser.NewPageAsync() };
        string url = new Uri(path).AbsoluteUri;
        await opened.Page.SetViewportAsync(new ViewPortOptions { Width = 1400, Height = 1000 });
        await opened.Page.SetRequestInterceptionAsync(true);
        opened.Page.Request += async (_, e) =>
        {
            if (e.Request.Url == url || e.Request.Url.StartsWith("data:", StringComparison.Ordinal)) await e.Request.ContinueAsync();
            else
            {
                lock (opened.Requests) opened.Requests.Add(e.Request.Url);
                await e.Request.AbortAsync();
            }
        };
        opened.Page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) lock (opened.Errors) opened.Errors.Add(e.Message.Text); };
        opened.Page.PageError += (_, e) => { lock (opened.Errors) opened.Errors.Add(e.Message); };
        await opened.Page.GoToAsync(url, WaitUntilNavigation.Load);
        return opened;
    }

    /// <summary>The text of every body row of the table <paramref name="selector"/>, cell by cell.</summary>
    public Task<string[][]> RowsAsync(string selector) => Page.EvaluateFunctionAsync<string[][]>(
        "s => [...document.querySelectorAll(s + ' tbody tr')].map(tr => [...tr.children].map(c => c.textContent))", selector);

    public Task<string> TextAsync(string selector) => Page.EvaluateFunctionAsync<string>("s => document.querySelector(s).textContent", selector);

    public async ValueTask DisposeAsync() => await Page.CloseAsync();
}
