using System.Reflection;
using Moodtunes.Core.Analyses;

namespace Moodtunes.Architecture.Tests;

/// <summary>
/// Device and analysis ids are types of their own (<see cref="DeviceId"/>, <see cref="AnalysisId"/>) with no
/// conversion from string, so swapping them does not compile. These tests keep a string id from coming back.
/// </summary>
public sealed class TypedIdsTests
{
    private static readonly Assembly Domain = Assembly.Load(Assemblies.Domain);

    public static TheoryData<string> Ports => [.. PortTypes.Select(t => t.FullName!)];

    private static IEnumerable<Type> PortTypes => Domain.GetExportedTypes().Where(t => t.IsInterface);

    [Theory]
    [MemberData(nameof(Ports))]
    public void A_port_never_takes_a_device_or_analysis_id_as_a_string_nor_two_string_ids_side_by_side(string port)
    {
        foreach (var method in Domain.GetType(port, throwOnError: true)!.GetMethods())
        {
            var parameters = method.GetParameters();
            Assert.DoesNotContain(parameters, p => IsDeviceOrAnalysisId(p.Name) && IsString(p.ParameterType));

            // Two string ids in one call are the swap the types exist to prevent (a catalog id alone is no hazard).
            Assert.True(
                parameters.Count(p => IsString(p.ParameterType) && p.Name!.EndsWith("Id", StringComparison.OrdinalIgnoreCase)) <= 1,
                $"{port}.{method.Name} takes two string ids.");
        }
    }

    [Fact]
    public void The_domain_and_the_application_hold_device_and_analysis_ids_typed_except_on_the_wire()
    {
        // The API's request and response records carry the id as the JSON string it is; everything else is typed.
        var types = Domain.GetExportedTypes().Concat(Assembly.Load(Assemblies.Application).GetExportedTypes())
            .Where(t => !t.Name.EndsWith("Response", StringComparison.Ordinal) && !t.Name.EndsWith("Request", StringComparison.Ordinal));
        var stringIds =
            from type in types
            from member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            from named in Named(member)
            where IsDeviceOrAnalysisId(named.Name) && IsString(named.Type)
            select $"{type.Name}.{member.Name}: {named.Name}";

        Assert.Empty(stringIds);
    }

    [Fact]
    public void The_rules_read_the_ports_they_guard()
    {
        // Guards the rules above against passing because nothing is read.
        var get = typeof(IAnalysisStore).GetMethod(nameof(IAnalysisStore.GetAsync))!;
        Assert.Equal([typeof(DeviceId), typeof(AnalysisId), typeof(CancellationToken)], get.GetParameters().Select(p => p.ParameterType));
        Assert.Contains(typeof(IAnalysisStore), PortTypes);
        Assert.Equal(typeof(AnalysisId), typeof(Analysis).GetProperty(nameof(Analysis.Id))!.PropertyType);
    }

    private static IEnumerable<(string? Name, Type Type)> Named(MemberInfo member) => member switch
    {
        PropertyInfo property => [(property.Name, property.PropertyType)],
        MethodBase method => method.GetParameters().Select(p => (p.Name, p.ParameterType)),
        _ => [],
    };

    private static bool IsDeviceOrAnalysisId(string? name) =>
        name is not null &&
        (name.EndsWith("DeviceId", StringComparison.OrdinalIgnoreCase) || name.EndsWith("AnalysisId", StringComparison.OrdinalIgnoreCase));

    private static bool IsString(Type type) => type == typeof(string);
}
