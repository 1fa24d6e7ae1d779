using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Skaftin.Realtime.Generator.Parsing;

/// <summary>Writes a constructor parameter's default value as C# that compiles to the same constant.</summary>
internal static class DefaultValueLiteral
{
    // A constructor parameter's default value as a C# expression of the parameter's type. Casts wrap their operand
    // in parentheses: "(E)-1" would parse as a subtraction.
    public static string Write(object? value, ITypeSymbol type)
    {
        var isNullableValue = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        if (value is null)
        {
            // A reference parameter may default to null even when its type is not annotated (List<string> x = null);
            // the generated local takes that null as the user's own default, without a nullable warning.
            return isNullableValue ? "null" : type.IsValueType ? "default" : "null!";
        }

        var target = isNullableValue ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        var cast = "(" + target.ToDisplayString(TypeNames.FullName) + ")";
        if (target.TypeKind == TypeKind.Enum)
        {
            return cast + "(" + Convert.ToString(value, CultureInfo.InvariantCulture) + ")";
        }

        return value switch
        {
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            bool b => b ? "true" : "false",
            float f => FloatLiteral(f),
            double d => DoubleLiteral(d),
            decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
            _ => cast + "(" + Convert.ToString(value, CultureInfo.InvariantCulture) + ")",
        };
    }

    // "R" does not round-trip every value on .NET Framework (a Visual Studio host); G9 and G17 always do.
    private static string FloatLiteral(float value) => FloatingLiteral(
        "float", "f", value, value.ToString("R", CultureInfo.InvariantCulture), static text => float.Parse(text, CultureInfo.InvariantCulture), value.ToString("G9", CultureInfo.InvariantCulture));

    private static string DoubleLiteral(double value) => FloatingLiteral(
        "double", "d", value, value.ToString("R", CultureInfo.InvariantCulture), static text => double.Parse(text, CultureInfo.InvariantCulture), value.ToString("G17", CultureInfo.InvariantCulture));

    private static string FloatingLiteral(string keyword, string suffix, double value, string shortest, Func<string, double> parse, string exact)
    {
        if (double.IsNaN(value))
        {
            return keyword + ".NaN";
        }

        if (double.IsInfinity(value))
        {
            return keyword + (value > 0 ? ".PositiveInfinity" : ".NegativeInfinity");
        }

        return (parse(shortest) == value ? shortest : exact) + suffix;
    }
}
