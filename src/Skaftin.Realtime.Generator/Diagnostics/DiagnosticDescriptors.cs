using Microsoft.CodeAnalysis;

namespace Skaftin.Realtime.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. Each has a help page under docs/diagnostics/.</summary>
internal static partial class DiagnosticDescriptors
{
    private const string Category = "Skaftin.Realtime";
    private const string HelpBase = "https://github.com/skaftin/Skaftin.Generators/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor UnsupportedModelType = Create(
        "SKR001",
        "Type cannot be a Skaftin table",
        "'{0}' cannot be a Skaftin table: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidTableName = Create(
        "SKR002",
        "Invalid table name",
        "The table name '{0}' on '{1}' is not valid: {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateTableName = Create(
        "SKR003",
        "Table declared twice",
        "Table '{0}' is declared by both '{1}' and '{2}'; keep one row type per table",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedMemberType = Create(
        "SKR004",
        "Member type cannot be decoded",
        "Member '{0}' of '{1}' has type '{2}', which the row reader cannot decode; use System.Text.Json.JsonElement for a JSON column, or a supported type (see the help page)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingKey = Create(
        "SKR005",
        "Table has no key",
        "'{0}' declares no key: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor GeneratedNameCollision = Create(
        "SKR006",
        "Generated name collides",
        "The generated type '{0}' for table '{1}' collides with {2}; rename that type, change the table name, or move the model to another namespace",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateColumn = Create(
        "SKR007",
        "Two members read one column",
        "Members '{0}' and '{1}' of '{2}' both read column '{3}'; rename one with [SkaftinColumn]",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidKey = Create(
        "SKR008",
        "Invalid key",
        "'{0}' has an invalid key: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        "SKR009",
        "C# 11 or later required",
        "Skaftin tables need C# 11 or later (the generated readers use UTF-8 string literals); '{0}' is compiled with C# {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidColumnName = Create(
        "SKR010",
        "Invalid column name",
        "The column name '{0}' on member '{1}' of '{2}' is empty or blank; give the column's wire name, or remove the attribute to use the snake_case name",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnusableDeclaration = Create(
        "SKR011",
        "Generated code cannot use an obsolete or experimental declaration",
        "The code generated for '{1}' has to use '{0}', which {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnencodableName = Create(
        "SKR012",
        "Name has no UTF-8 form",
        "The name '{0}' of {1} holds an unpaired surrogate (U+{2}), which has no UTF-8 form, so no name the server sends can match it; correct the name",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RequiredMemberNotRead = Create(
        "SKR013",
        "Required member is not read",
        "The required member '{0}' of '{1}' {2}, so the generated reader cannot set it and could not create a row; remove 'required', or let the member be read",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ConverterNotUsed = Create(
        "SKR015",
        "JsonConverter is not used by the row reader",
        "Member '{0}' of '{1}' has [JsonConverter(typeof({2}))]{3}, which the row reader does not run: the column is read by the reader's own grammar for '{4}'; read it as System.Text.Json.JsonElement and convert it yourself, or remove the attribute",
        DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");
}
