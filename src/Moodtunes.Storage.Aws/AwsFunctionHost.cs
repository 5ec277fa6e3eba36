using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Moodtunes.Storage.Aws;

/// <summary>
/// The AWS half of every Lambda function host (the application's half is <c>FunctionHostDefaults</c>, which knows no
/// AWS): secrets named in configuration come from Parameter Store, and storage is the table and bucket of the
/// <see cref="AwsStorageOptions.SectionName"/> section.
/// </summary>
public static class AwsFunctionHost
{
    public static IServiceCollection AddAwsFunctionHost(this IServiceCollection services, ConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Secrets (the CloudFront origin secret, Spotify credentials) arrive by name; each container reads them on first use.
        configuration.AddParameterStoreSecrets();
        return services.AddAwsStorage(configuration.GetSection(AwsStorageOptions.SectionName));
    }
}
