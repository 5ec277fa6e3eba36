using System.Net;
using System.Text.Json;
using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.Configuration;

namespace Moodtunes.Storage.Aws.Tests;

/// <summary>
/// Secrets arrive by name and are read from Parameter Store once at start. No Parameter Store emulator installs here
/// (the npm emulators cover DynamoDB and S3 only), so a loopback listener answers SSM's JSON protocol for
/// GetParameters, the one call the code makes, and records what it was asked.
/// </summary>
public sealed class ParameterStoreSecretsTests
{
    [Fact]
    public async Task Named_parameters_are_read_decrypted_in_one_call_and_land_under_their_configuration_keys()
    {
        await using var ssm = new ParameterStoreStandIn(new() { ["/moodtunes/spotify-id"] = "id-1", ["/moodtunes/spotify-secret"] = "s3cr3t" });
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Secrets:Parameters:Spotify:ClientId"] = "/moodtunes/spotify-id",
            ["Secrets:Parameters:Spotify:ClientSecret"] = "/moodtunes/spotify-secret",
        });

        configuration.AddParameterStoreSecrets(ssm.CreateClient);

        Assert.Equal("id-1", configuration["Spotify:ClientId"]);
        Assert.Equal("s3cr3t", configuration["Spotify:ClientSecret"]);
        var request = Assert.Single(ssm.Requests);
        Assert.True(request.GetProperty("WithDecryption").GetBoolean());
        Assert.Equal(["/moodtunes/spotify-id", "/moodtunes/spotify-secret"], request.GetProperty("Names").EnumerateArray().Select(n => n.GetString()).Order());
    }

    [Fact]
    public async Task A_missing_parameter_stops_the_host_naming_it()
    {
        await using var ssm = new ParameterStoreStandIn([]);
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Secrets:Parameters:Moodtunes:OriginSecret"] = ParameterStoreSecrets.SecretsManagerReference("stack/origin-verify"),
        });

        var error = Assert.Throws<InvalidOperationException>(() => configuration.AddParameterStoreSecrets(ssm.CreateClient));

        Assert.Contains("/aws/reference/secretsmanager/stack/origin-verify", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_names_nothing_is_called()
    {
        var configuration = new ConfigurationManager();

        configuration.AddParameterStoreSecrets(() => throw new InvalidOperationException("no client should be made"));

        Assert.Null(configuration["Spotify:ClientSecret"]);
    }

    [Fact]
    public void The_environment_variable_for_a_key_is_the_key_under_secrets_parameters() =>
        Assert.Equal("Secrets__Parameters__Spotify__ClientSecret", ParameterStoreSecrets.EnvironmentVariable("Spotify:ClientSecret"));

    /// <summary>Answers <c>AmazonSSM.GetParameters</c> from a fixed set of parameters on a loopback port.</summary>
    private sealed class ParameterStoreStandIn : IAsyncDisposable
    {
        private readonly HttpListener listener = new();
        private readonly Dictionary<string, string> parameters;
        private readonly Task serving;

        public ParameterStoreStandIn(Dictionary<string, string> parameters)
        {
            this.parameters = parameters;
            Url = $"http://127.0.0.1:{FreePort()}/";
            listener.Prefixes.Add(Url);
            listener.Start();
            serving = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public List<JsonElement> Requests { get; } = [];

        public IAmazonSimpleSystemsManagement CreateClient() => new AmazonSimpleSystemsManagementClient(
            new Amazon.Runtime.BasicAWSCredentials("test", "test"),
            new AmazonSimpleSystemsManagementConfig { ServiceURL = Url, AuthenticationRegion = "us-east-1" });

        public async ValueTask DisposeAsync()
        {
            listener.Stop();
            await serving.ConfigureAwait(false);
            listener.Close();
        }

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return; // stopped
                }

                using var reader = new StreamReader(context.Request.InputStream);
                using var body = JsonDocument.Parse(await reader.ReadToEndAsync().ConfigureAwait(false));
                Requests.Add(body.RootElement.Clone());
                var names = body.RootElement.GetProperty("Names").EnumerateArray().Select(n => n.GetString()!).ToList();
                var answer = JsonSerializer.SerializeToUtf8Bytes(new
                {
                    Parameters = names.Where(parameters.ContainsKey)
                        .Select(n => new { Name = n, Type = "SecureString", Value = parameters[n], Version = 1 }),
                    InvalidParameters = names.Where(n => !parameters.ContainsKey(n)),
                });
                context.Response.ContentType = "application/x-amz-json-1.1";
                await context.Response.OutputStream.WriteAsync(answer).ConfigureAwait(false);
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
