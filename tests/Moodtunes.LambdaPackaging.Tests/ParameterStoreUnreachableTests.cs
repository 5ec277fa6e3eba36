using System.Net;
using Moodtunes.Api.Http;
using Moodtunes.Cdk;
using Moodtunes.Storage.Aws;
using Moodtunes.Testing;
using Moodtunes.Testing.Aws;

namespace Moodtunes.LambdaPackaging.Tests;

/// <summary>
/// SnapStart runs a function's init when each version is published, and a failed init fails the deploy. So every
/// published package must start, and answer the adapter's readiness check, with Parameter Store unreachable (its
/// endpoint on a closed loopback port), run as Lambda runs it: by a user who cannot write the package, with the
/// secret names the stack gives it. The secrets are read by the request that needs them, which fails naming them.
/// </summary>
[Collection(LambdaFunctionsCollection.Name)]
public sealed class ParameterStoreUnreachableTests(LambdaFunctionsFixture functions)
{
    /// <summary>nobody (user and group): not root, and not the package's owner, so it can read and run the files but not change them.</summary>
    private const int LambdaLikeUser = 65534;

    private static readonly string OriginSecret =
        ParameterStoreSecrets.SecretsManagerReference(MoodtunesStack.OriginSecretName(MoodtunesStack.DefaultStackName));

    private const string SpotifyClientId = "/moodtunes/spotify-client-id";

    [Theory]
    [InlineData(LambdaFunctionsFixture.Upload, "api/uploads", true, false)]
    [InlineData(LambdaFunctionsFixture.Recommend, "api/history", true, true)]
    [InlineData(LambdaFunctionsFixture.Analyze, "events", false, true)]
    public async Task A_package_starts_and_answers_readiness_without_parameter_store_and_the_request_needing_a_secret_names_it(
        string name, string path, bool originLocked, bool spotify)
    {
        var closedSsm = Loopback.ClosedUrl();
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_SSM"] = closedSsm,
            // What the stack adds for the analyzer; the adapter reads them.
            ["AWS_LWA_PASS_THROUGH_PATH"] = "/events",
        };
        if (originLocked)
        {
            environment[ParameterStoreSecrets.EnvironmentVariable(OriginLock.ConfigurationKey)] = OriginSecret;
        }

        if (spotify)
        {
            environment[ParameterStoreSecrets.EnvironmentVariable("Spotify:ClientId")] = SpotifyClientId;
            environment[ParameterStoreSecrets.EnvironmentVariable("Spotify:ClientSecret")] = "/moodtunes/spotify-client-secret";
        }

        // StartAsync waits for the readiness check (GET / answering below 500), as the adapter does before the snapshot.
        using var function = await functions.StartAsync(name, environment, LambdaLikeUser);
        using var http = new HttpClient { BaseAddress = function.Url }.WithDeviceToken(TestDevices.NewToken());
        using (var ready = await http.GetAsync(""))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        using var request = name == LambdaFunctionsFixture.Analyze
            ? new HttpRequestMessage(HttpMethod.Post, path) { Content = await PendingPhotoEventAsync() }
            : new HttpRequestMessage(name == LambdaFunctionsFixture.Upload ? HttpMethod.Post : HttpMethod.Get, path);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var output = await UntilLoggedAsync(function, "Parameter Store");
        Assert.Contains(originLocked ? OriginSecret : SpotifyClientId, output, StringComparison.Ordinal);
        // The SDK took the closed endpoint: nothing reached AWS.
        Assert.Contains(new Uri(closedSsm).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
    }

    /// <summary>An S3 event for a photo that is uploaded and pending, so the analyzer gets as far as picking tracks.</summary>
    private async Task<HttpContent> PendingPhotoEventAsync()
    {
        var pending = PendingAnalyses.New(TestDevices.NewDeviceId());
        await new DynamoDbAnalysisStore(functions.Emulators.DynamoDb, EmulatorFixture.TableName, TimeProvider.System)
            .CreateAsync(pending, CancellationToken.None);
        await functions.Emulators.PutObjectAsync(pending.PhotoKey, TestPhotos.Read(TestPhotos.Astronaut), "image/png");
        return S3Events.ObjectCreated((S3Events.EncodeKey(pending.PhotoKey), 1));
    }

    /// <summary>The process writes its log asynchronously: wait a moment for the line.</summary>
    private static async Task<string> UntilLoggedAsync(FunctionProcess function, string text)
    {
        for (var i = 0; i < 50 && !function.Output.Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(text, function.Output, StringComparison.Ordinal);
        return function.Output;
    }
}
