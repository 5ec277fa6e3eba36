using System.Net;
using System.Text.Json;
using Moodtunes.Api;
using Moodtunes.Api.Http;
using Moodtunes.Core;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Testing;

namespace RecommendFunction.Tests;

/// <summary>GET and DELETE /api/history: newest first, paged by cursor, only ever the caller's device.</summary>
public sealed class HistoryEndpointTests(EmbeddedStorageFactory<Program> factory) : IClassFixture<EmbeddedStorageFactory<Program>>
{
    [Fact]
    public async Task History_lists_every_analysis_newest_first_a_page_at_a_time()
    {
        using var device = new TestDevice(factory);
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var seeded = new List<Analysis>
        {
            await device.SeedDoneAsync(Emotion.Happy, start),
            await device.SeedFailedAsync(FailureCode.NoFace, start.AddMinutes(1)),
            await device.SeedPendingAsync(start.AddMinutes(2)),
            await device.SeedDoneAsync(Emotion.Sad, start.AddMinutes(3)),
            await device.SeedDoneAsync(Emotion.Surprise, start.AddMinutes(4)),
        };

        var pages = new List<List<JsonElement>>();
        string? cursor = null;
        do
        {
            var page = await device.GetJsonAsync(cursor is null ? $"{ApiRoutes.History}?limit=2" : $"{ApiRoutes.History}?limit=2&cursor={Uri.EscapeDataString(cursor)}");
            pages.Add([.. page.GetProperty("items").EnumerateArray()]);
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && pages.Count < 10);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        var listed = pages.SelectMany(p => p).ToList();
        Assert.Equal(seeded.Select(a => a.Id.Value).Reverse(), listed.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(["done", "done", "pending", "failed", "done"], listed.Select(i => i.GetProperty("status").GetString()));
        Assert.Equal("surprise", listed[0].GetProperty("result").GetProperty("emotion").GetString());
        Assert.Equal(FailureCode.NoFace.ToWire(), listed[3].GetProperty("failure").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Without_a_limit_one_page_holds_up_to_twenty()
    {
        using var device = new TestDevice(factory);
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        for (var i = 0; i < 21; i++)
        {
            await device.SeedPendingAsync(start.AddSeconds(i));
        }

        var page = await device.GetJsonAsync(ApiRoutes.History);

        Assert.Equal(20, page.GetProperty("items").GetArrayLength());
        Assert.NotNull(page.GetProperty("nextCursor").GetString());
    }

    [Fact]
    public async Task History_reads_an_abandoned_upload_as_failed_without_writing_it()
    {
        using var device = new TestDevice(factory);
        var abandoned = await device.SeedPendingAsync(DateTimeOffset.UtcNow - AbandonedAnalyses.GiveUpAfter - TimeSpan.FromMinutes(1));

        var item = Assert.Single((await device.GetJsonAsync(ApiRoutes.History)).GetProperty("items").EnumerateArray());

        Assert.Equal("failed", item.GetProperty("status").GetString());
        Assert.Equal(FailureCode.PhotoMissing.ToWire(), item.GetProperty("failure").GetProperty("code").GetString());
        Assert.Equal(AnalysisStatus.Pending, (await factory.Analyses.GetAsync(device.DeviceId, abandoned.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task An_empty_history_has_no_items_and_no_cursor()
    {
        using var device = new TestDevice(factory);

        var page = await device.GetJsonAsync(ApiRoutes.History);

        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("cursor=not-a-cursor!", ProblemCode.BadCursor)]
    [InlineData("cursor=AAAA", ProblemCode.BadCursor)]
    [InlineData("cursor=", ProblemCode.BadCursor)]
    [InlineData("limit=0", ProblemCode.BadLimit)]
    [InlineData("limit=51", ProblemCode.BadLimit)]
    public async Task A_malformed_cursor_or_limit_is_a_400_problem(string query, ProblemCode code)
    {
        using var device = new TestDevice(factory);
        await device.SeedDoneAsync(Emotion.Happy);

        using var response = await device.Client.GetAsync($"{ApiRoutes.History}?{query}");

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task History_and_its_cursors_never_show_another_devices_analyses()
    {
        using var mine = new TestDevice(factory);
        using var theirs = new TestDevice(factory);
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var myOld = await mine.SeedDoneAsync(Emotion.Happy, start);
        var theirOld = await theirs.SeedDoneAsync(Emotion.Sad, start.AddSeconds(1));
        var myNew = await mine.SeedDoneAsync(Emotion.Happy, start.AddSeconds(2));
        await theirs.SeedDoneAsync(Emotion.Sad, start.AddSeconds(3));

        var first = await mine.GetJsonAsync($"{ApiRoutes.History}?limit=1");
        var cursor = first.GetProperty("nextCursor").GetString()!;

        // Their client following my cursor still pages within their own device only.
        var theirPage = await theirs.GetJsonAsync($"{ApiRoutes.History}?limit=5&cursor={Uri.EscapeDataString(cursor)}");
        var myRest = await mine.GetJsonAsync($"{ApiRoutes.History}?limit=5&cursor={Uri.EscapeDataString(cursor)}");

        Assert.Equal(myNew.Id.Value, Assert.Single(first.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(myOld.Id.Value, Assert.Single(myRest.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(theirOld.Id.Value, Assert.Single(theirPage.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Deleting_the_history_removes_every_analysis_of_this_device_only()
    {
        using var mine = new TestDevice(factory);
        using var theirs = new TestDevice(factory);
        var done = await mine.SeedDoneAsync(Emotion.Happy);
        await mine.SeedPendingAsync();
        await mine.SeedFailedAsync(FailureCode.NotAnImage);
        var theirDone = await theirs.SeedDoneAsync(Emotion.Happy);

        using var response = await mine.Client.DeleteAsync(ApiRoutes.History);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, (await mine.GetJsonAsync(ApiRoutes.History)).GetProperty("items").GetArrayLength());
        using var gone = await mine.Client.GetAsync(ApiPaths.Analysis(done.Id));
        await HttpAssert.ProblemAsync(gone, HttpStatusCode.NotFound, ProblemCode.NotFound);
        var theirHistory = await theirs.GetJsonAsync(ApiRoutes.History);
        Assert.Equal(theirDone.Id.Value, Assert.Single(theirHistory.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }
}
