using System.IO;
using PuppeteerSharp;

namespace BackpropPS.Browser.Tests;

/// <summary>
/// One headless Chromium for every test (starting one takes about a second): the machine's own chromium, never a
/// downloaded one. BACKPROPPS_CHROMIUM names another executable; without any, <see cref="Why"/> says why the tests skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] Candidates = { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" };

    /// <summary>The browser; null when there is none.</summary>
    public IBrowser Browser { get; private set; }

    /// <summary>Why there is no browser, or null.</summary>
    public string Why { get; private set; }

    /// <summary>A folder for the pages the tests write, removed at the end.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "BackpropPS-browser-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        // The pages are written before a test knows whether it can open them.
        Directory.CreateDirectory(Folder);
        string named = Environment.GetEnvironmentVariable("BACKPROPPS_CHROMIUM");
        string executable = !string.IsNullOrEmpty(named) ? named : Candidates.FirstOrDefault(File.Exists);
        if (executable == null || !File.Exists(executable))
        {
            Why = "no Chromium on this machine (Debian's chromium package; build.ps1 Test installs it as root on Debian and Ubuntu, or set BACKPROPPS_CHROMIUM)";
            return;
        }
        Browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = executable,
            // As root Chromium refuses to start with its sandbox; the pages are the tests' own.
            Args = new[] { "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage" },
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser != null) await Browser.CloseAsync();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}

[CollectionDefinition("Browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture> { }
