using System.Text;

namespace Skaftin.Realtime.Generator.Parsing;

/// <summary>The naming rules that turn C# names into wire names and wire names into C# names.</summary>
internal static class Naming
{
    /// <summary><c>RegistrationNumber</c> → <c>registration_number</c>; <c>HTTPCode</c> → <c>http_code</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var acronymEnds = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (previousIsLowerOrDigit || acronymEnds)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary><c>taxi_associations</c> → <c>TaxiAssociations</c>; null when no letter or digit is left.</summary>
    public static string? ToPascalCase(string tableName)
    {
        var builder = new StringBuilder(tableName.Length);
        var upperNext = true;
        foreach (var c in tableName)
        {
            if (!IsAsciiLetterOrDigit(c))
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        if (builder.Length == 0)
        {
            return null;
        }

        // An identifier cannot start with a digit: "2fa_codes" becomes "Table2faCodes".
        return char.IsDigit(builder[0]) ? "Table" + builder : builder.ToString();
    }

    /// <summary>The spelling an enum name is matched against: lower-case ASCII without <c>_</c>, <c>-</c> and spaces.</summary>
    public static string NormalizeEnumName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '_' or '-' or ' ')
            {
                continue;
            }

            builder.Append(c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c);
        }

        return builder.ToString();
    }

    /// <summary>Whether a table name has a character other than ASCII letters, digits, <c>_</c>, <c>-</c> and <c>.</c>.</summary>
    public static bool HasInvalidCharacter(string tableName, out char invalid)
    {
        foreach (var c in tableName)
        {
            if (!IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                invalid = c;
                return true;
            }
        }

        invalid = default;
        return false;
    }

    /// <summary>
    /// The first UTF-16 surrogate without its pair, which has no UTF-8 form (a <c>u8</c> literal of it is CS9026, and
    /// no wire name can hold it); false when every surrogate is paired.
    /// </summary>
    public static bool HasLoneSurrogate(string text, out char lone)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                lone = text[i];
                return true;
            }
        }

        lone = default;
        return false;
    }

    /// <summary>Text for a diagnostic message: unpaired surrogates and control characters written as <c>\uXXXX</c>.</summary>
    public static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
