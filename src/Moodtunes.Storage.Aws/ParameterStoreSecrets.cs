using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.Extensions.Configuration;

namespace Moodtunes.Storage.Aws;

/// <summary>
/// Secrets by name: configuration carries only parameter names under <c>Secrets:Parameters</c> (on Lambda the
/// environment variable <c>Secrets__Parameters__Spotify__ClientSecret=/moodtunes/spotify-secret</c>), and the values are
/// read from SSM Parameter Store once, when the host starts, so they are in neither the environment nor the template.
/// Secrets Manager secrets are read the same way through Parameter Store's <c>/aws/reference/secretsmanager/</c> path.
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
    /// Reads every named parameter (decrypted) and adds the values under their configuration keys. Nothing is called
    /// when no parameter is named. <paramref name="client"/> makes the SSM client (default: region and credentials
    /// from the environment).
    /// </summary>
    /// <exception cref="InvalidOperationException">A named parameter does not exist: a host must not start without its secret.</exception>
    public static ConfigurationManager AddParameterStoreSecrets(
        this ConfigurationManager configuration, Func<IAmazonSimpleSystemsManagement>? client = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var names = configuration.GetSection(SectionName).GetSection(ParametersSection).AsEnumerable(makePathsRelative: true)
            .Where(entry => !string.IsNullOrWhiteSpace(entry.Value))
            .ToDictionary(entry => entry.Key, entry => entry.Value!);
        if (names.Count == 0)
        {
            return configuration;
        }

        using var ssm = client?.Invoke() ?? new AmazonSimpleSystemsManagementClient();
        // Once per process (one Lambda container), before anything reads configuration.
        var values = ReadAsync(ssm, names.Values.Distinct(StringComparer.Ordinal).ToList()).GetAwaiter().GetResult();
        configuration.AddInMemoryCollection(names.Select(entry => KeyValuePair.Create<string, string?>(entry.Key, values[entry.Value])));
        return configuration;
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
