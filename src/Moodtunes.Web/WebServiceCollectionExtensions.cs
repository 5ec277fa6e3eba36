using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Moodtunes.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>JSON as docs/api.md describes it (camelCase, kebab-case enums), problem details, OpenAPI.</summary>
    /// <remarks>Safe to call once per function when several functions share one host (the local server).</remarks>
    public static IServiceCollection AddMoodtunesWeb(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(MoodtunesWebMarker)))
        {
            return services;
        }

        services.AddSingleton<MoodtunesWebMarker>();
        services.Configure<JsonOptions>(options => Configure(options.SerializerOptions));
        services.AddProblemDetails();
        services.AddOpenApi();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // The same rules as storage (AnalysisJson): names only, so a client cannot send enums as numbers.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
    }
}

internal sealed class MoodtunesWebMarker;
