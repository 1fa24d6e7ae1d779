using System;
using System.Collections.Generic;

namespace Skaftin.Realtime.Generator.Parsing;

/// <summary>
/// The table's column a member most likely meant when it reads a column the table does not have (SKR031's code fix):
/// the same name but for case, underscores and dashes, else the one nearest by edit distance (at most 2, and less
/// than a third of the name), when exactly one is nearest. Columns other members read are not offered.
/// </summary>
internal static class CloseColumnName
{
    public static string? Find(string wanted, IEnumerable<string> columns)
    {
        var normalized = Normalize(wanted);
        string? best = null;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var column in columns)
        {
            var distance = Normalize(column) == normalized ? 0 : Distance(wanted.ToLowerInvariant(), column.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (column, distance, false);
            }
            else if (distance == bestDistance)
            {
                tie = true;
            }
        }

        return best is not null && !tie && (bestDistance == 0 || (bestDistance <= 2 && bestDistance * 3 < wanted.Length)) ? best : null;
    }

    private static string Normalize(string name) => name.Replace("_", "").Replace("-", "").ToLowerInvariant();

    // Levenshtein distance, two rows.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
