using System.Collections.Generic;

namespace Skaftin.Realtime.Generator.Tests.Zoo;

/// <summary>A JSON value a column may receive and the value the member must hold after reading it.</summary>
/// <param name="Json">The JSON text of the value.</param>
/// <param name="Expected">The expected member value (compared through <see cref="ZooValue.Canonical"/>).</param>
internal sealed record ZooSample(string Json, object? Expected);

/// <summary>A member type of the zoo with the values it is tried with.</summary>
/// <param name="Label">A short unique name for reports (<c>List&lt;int?&gt;</c>).</param>
/// <param name="Code">The type as written in the model, globally qualified so no member name can shadow it.</param>
/// <param name="AcceptsNull">Whether JSON null is a valid value (Nullable&lt;T&gt; or a <c>?</c>-annotated reference).</param>
/// <param name="SimpleName">The type's own simple name, for members named like their type (<c>Guid Guid</c>).</param>
/// <param name="Samples">Values written into rows.</param>
/// <param name="InitializerCode">A property initializer (any expression) and the value it gives.</param>
/// <param name="InitializerValue">The value <paramref name="InitializerCode"/> gives.</param>
/// <param name="ParameterDefaultCode">A constructor parameter default (a constant, <c>null</c> or <c>default</c>).</param>
/// <param name="ParameterDefaultValue">The value <paramref name="ParameterDefaultCode"/> gives.</param>
internal sealed record ZooType(
    string Label,
    string Code,
    bool AcceptsNull,
    string SimpleName,
    IReadOnlyList<ZooSample> Samples,
    string InitializerCode,
    object? InitializerValue,
    string ParameterDefaultCode,
    object? ParameterDefaultValue);
