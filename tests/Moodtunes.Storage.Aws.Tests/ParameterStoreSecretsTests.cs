using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.Configuration;

namespace Moodtunes.Storage.Aws.Tests;

/// <summary>
/// Secrets arrive by name and are read from Parameter Store on first use. No Parameter Store emulator installs here,
/// so a loopback stand-in answers SSM's JSON protocol for GetParameters, the one call the code makes.
/// </summary>
public sealed class ParameterStoreSecretsTests
{
    [Fact]
    public async Task Named_parameters_are_read_decrypted_in_one_call_and_land_under_their_configuration_keys()
    {
        await using var ssm = ParameterStore(new() { ["/moodtunes/spotify-id"] = "id-1", ["/moodtunes/spotify-secret"] = "s3cr3t" });
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Secrets:Parameters:Spotify:ClientId"] = "/moodtunes/spotify-id",
            ["Secrets:Parameters:Spotify:ClientSecret"] = "/moodtunes/spotify-secret",
        });

        configuration.AddParameterStoreSecrets(Client(ssm));

        Assert.Equal("id-1", configuration["Spotify:ClientId"]);
        Assert.Equal("s3cr3t", configuration["Spotify:ClientSecret"]);
        var (operation, request) = Assert.Single(ssm.Requests);
        Assert.Equal("GetParameters", operation);
        Assert.True(request.GetProperty("WithDecryption").GetBoolean());
        Assert.Equal(["/moodtunes/spotify-id", "/moodtunes/spotify-secret"], request.GetProperty("Names").EnumerateArray().Select(n => n.GetString()).Order());
    }

    [Fact]
    public async Task A_missing_parameter_fails_the_read_that_needs_it_naming_it()
    {
        await using var ssm = ParameterStore([]);
        var configuration = OriginSecretNamed();
        configuration.AddParameterStoreSecrets(Client(ssm));

        var error = Assert.Throws<InvalidOperationException>(() => configuration["Moodtunes:OriginSecret"]);

        Assert.Contains("/aws/reference/secretsmanager/stack/origin-verify", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_read_until_a_secret_is_and_then_only_once()
    {
        await using var ssm = ParameterStore(new() { [ParameterStoreSecrets.SecretsManagerReference("stack/origin-verify")] = "v" });
        var configuration = OriginSecretNamed();

        configuration.AddParameterStoreSecrets(Client(ssm));

        // The key is there (sections list it) without a call: start-up never waits on Parameter Store.
        Assert.Contains(configuration.GetSection("Moodtunes").GetChildren(), c => c.Key == "OriginSecret");
        Assert.Empty(ssm.Requests);
        Assert.Equal("v", configuration["Moodtunes:OriginSecret"]);
        Assert.Equal("v", configuration["Moodtunes:OriginSecret"]);
        Assert.Single(ssm.Requests);
    }

    [Fact]
    public void An_unreachable_parameter_store_fails_each_read_naming_the_parameter_and_the_next_read_tries_again()
    {
        var configuration = OriginSecretNamed();
        var clients = 0;
        configuration.AddParameterStoreSecrets(() =>
        {
            clients++;
            return new AmazonSimpleSystemsManagementClient(EmulatorFixture.Credentials, new AmazonSimpleSystemsManagementConfig
            {
                ServiceURL = Loopback.ClosedUrl(),
                AuthenticationRegion = EmulatorFixture.Region,
                MaxErrorRetry = 0,
            });
        });

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var error = Assert.Throws<InvalidOperationException>(() => configuration["Moodtunes:OriginSecret"]);
            Assert.Contains("/aws/reference/secretsmanager/stack/origin-verify", error.Message, StringComparison.Ordinal);
            Assert.Equal(attempt, clients);
        }
    }

    private static ConfigurationManager OriginSecretNamed()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Secrets:Parameters:Moodtunes:OriginSecret"] = ParameterStoreSecrets.SecretsManagerReference("stack/origin-verify"),
        });
        return configuration;
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

    /// <summary>Answers GetParameters from a fixed set of parameters, as Parameter Store does.</summary>
    private static AwsJsonStandIn ParameterStore(Dictionary<string, string> parameters) => new((_, request) =>
    {
        var names = request.GetProperty("Names").EnumerateArray().Select(n => n.GetString()!).ToList();
        return new
        {
            Parameters = names.Where(parameters.ContainsKey).Select(n => new { Name = n, Type = "SecureString", Value = parameters[n], Version = 1 }),
            InvalidParameters = names.Where(n => !parameters.ContainsKey(n)),
        };
    });

    private static Func<IAmazonSimpleSystemsManagement> Client(AwsJsonStandIn ssm) => () => new AmazonSimpleSystemsManagementClient(
        EmulatorFixture.Credentials, new AmazonSimpleSystemsManagementConfig { ServiceURL = ssm.Url, AuthenticationRegion = EmulatorFixture.Region });
}
