using Microsoft.Playwright;

namespace Moodtunes.LoadTest;

/// <summary>
/// The wait a person feels, measured in the browser: from the file being chosen to the result drawn (the page's own
/// performance marks, static-site/README.md), in Debian's Chromium on a 390×844 phone, the 1280 px selfie on loopback.
/// Counts the polls too, so a shorter wait is not bought by hammering the server.
/// </summary>
internal static class PageBenchmark
{
    private const string Chromium = "/usr/bin/chromium";

    private const string Waited = """
        () => performance.getEntriesByName('moodtunes:result-drawn')[0].startTime
            - performance.getEntriesByName('moodtunes:file-chosen')[0].startTime
        """;

    public static async Task RunAsync(Uri server, byte[] photo, int runs)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = File.Exists(Chromium) ? Chromium : throw new InvalidOperationException($"{Chromium} is missing: apt-get install -y chromium"),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            BaseURL = server.ToString(),
        });
        var page = await context.NewPageAsync();
        var polls = 0;
        page.Request += (_, request) => polls += request.Method == "GET" && request.Url.Contains("/api/analyses/", StringComparison.Ordinal) ? 1 : 0;
        var waits = new List<double>();
        var pollCounts = new List<int>();
        // The first run loads the vision models and warms the page: not counted.
        for (var i = 0; i <= runs; i++)
        {
            await page.GotoAsync("/");
            await page.WaitForFunctionAsync("() => document.documentElement.classList.contains('js-ready')");
            polls = 0;
            await page.GetByTestId("file-input").SetInputFilesAsync(new FilePayload { Name = "selfie.jpg", MimeType = "image/jpeg", Buffer = photo });
            await page.WaitForFunctionAsync(
                "() => performance.getEntriesByName('moodtunes:result-drawn').length > 0", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
            if (i > 0)
            {
                waits.Add(await page.EvaluateAsync<double>(Waited));
                pollCounts.Add(polls);
            }
        }

        waits.Sort();
        pollCounts.Sort();
        Console.WriteLine(
            $"In the page (Chromium, 390×844, 1280×960 selfie JPEG), file chosen → result drawn, {runs} runs: median {waits[runs / 2]:F0} ms "
            + $"(min {waits[0]:F0}, max {waits[^1]:F0}); polls of GET /api/analyses/{{id}} per photo: median {pollCounts[runs / 2]}, max {pollCounts[^1]}");
    }
}
