using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.Extensions.Configuration;

namespace Moodtunes.Storage.Aws;

/// <summary>
/// Secrets by name: configuration carries only parameter names under <c>Secrets:Parameters</c> (on Lambda the
/// environment variable <c>Secrets__Parameters__Spotify__ClientSecret=/moodtunes/spotify-secret</c>), and the values are
/// read from SSM Parameter Store when one is first read, so they are in neither the environment nor the template.
/// Never at start: with SnapStart a failed init fails the deploy that publishes the version, so start-up must not
/// depend on a network call. Secrets Manager secrets are read the same way through Parameter Store's
/// <c>/aws/reference/secretsmanager/</c> path.
/// </summary>
public static class ParameterStoreSecrets
{
    public const string SectionName = "Secrets";

    private const string ParametersSection = "Parameters";

    /// <summary>GetParameters takes at most ten names a call.</summary>
    private const int NamesPerCall = 10;

    /// <summary>The environment variable that names the parameter holding configuration key <paramref name="configurationKey"/>.</summary>
    public static string EnvironmentVariable(string configurationKey) =>
        $"{SectionName}__{ParametersSection}__{configurationKey.Replace(":", "__", StringComparison.Ordinal)}";

    /// <summary>The Parameter Store name under which a Secrets Manager secret can be read.</summary>
    public static string SecretsManagerReference(string secretName) => $"/aws/reference/secretsmanager/{secretName}";

    /// <summary>
    /// Adds every named parameter under its configuration key. The keys are there at once (sections list them); the
    /// values are read (decrypted, all in one go) the first time one of them is read, and kept. Nothing is called when
    /// no parameter is named or none is read. <paramref name="client"/> makes the SSM client (default: region and
    /// credentials from the environment).
    /// </summary>
    /// <remarks>
    /// Reading a value throws <see cref="InvalidOperationException"/> naming the parameters when Parameter Store cannot
    /// be reached or a parameter does not exist; the next read tries again.
    /// </remarks>
    public static ConfigurationManager AddParameterStoreSecrets(
        this ConfigurationManager configuration, Func<IAmazonSimpleSystemsManagement>? client = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var names = configuration.GetSection(SectionName).GetSection(ParametersSection).AsEnumerable(makePathsRelative: true)
            .Where(entry => !string.IsNullOrWhiteSpace(entry.Value))
            .ToDictionary(entry => entry.Key, entry => entry.Value!, StringComparer.OrdinalIgnoreCase);
        if (names.Count == 0)
        {
            return configuration;
        }

        ((IConfigurationBuilder)configuration).Add(new LazySource(names, client ?? (() => new AmazonSimpleSystemsManagementClient())));
        return configuration;
    }

    private sealed class LazySource(Dictionary<string, string> names, Func<IAmazonSimpleSystemsManagement> client) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new LazyProvider(names, client);
    }

    /// <summary>Holds the keys from the start and the values from the first successful read on (once per Lambda container).</summary>
    private sealed class LazyProvider(Dictionary<string, string> names, Func<IAmazonSimpleSystemsManagement> client) : ConfigurationProvider
    {
        private readonly Lock gate = new();
        private Dictionary<string, string>? values;

        public override void Load() =>
            Data = names.Keys.ToDictionary(key => key, _ => (string?)null, StringComparer.OrdinalIgnoreCase);

        public override bool TryGet(string key, out string? value)
        {
            if (!names.TryGetValue(key, out var name))
            {
                value = null;
                return false;
            }

            value = Values()[name];
            return true;
        }

        private Dictionary<string, string> Values()
        {
            lock (gate)
            {
                if (values is null)
                {
                    var wanted = names.Values.Distinct(StringComparer.Ordinal).ToList();
                    try
                    {
                        using var ssm = client();
                        values = ReadAsync(ssm, wanted).GetAwaiter().GetResult();
                    }
                    catch (Exception e) when (e is not InvalidOperationException)
                    {
                        throw new InvalidOperationException(
                            $"Could not read {string.Join(", ", wanted)} from Parameter Store ({e.GetType().Name}: {e.Message}).", e);
                    }
                }

                return values;
            }
        }
    }

    private static async Task<Dictionary<string, string>> ReadAsync(IAmazonSimpleSystemsManagement client, List<string> names)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var batch in names.Chunk(NamesPerCall))
        {
            var response = await client.GetParametersAsync(new GetParametersRequest { Names = [.. batch], WithDecryption = true });
            if (response.InvalidParameters is { Count: > 0 } missing)
            {
                throw new InvalidOperationException($"Parameter Store has no parameter named {string.Join(", ", missing)}.");
            }

            foreach (var parameter in response.Parameters ?? [])
            {
                values[parameter.Name] = parameter.Value;
            }
        }

        return values;
    }
}
