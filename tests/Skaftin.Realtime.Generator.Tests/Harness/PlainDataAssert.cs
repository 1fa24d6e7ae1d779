using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>Walks a pipeline output's object graph (fields and properties) and fails on any Roslyn object in it.</summary>
internal static class PlainDataAssert
{
    private const int MaxDepth = 32;

    public static void HoldsNoRoslynObject(object? value, string path) =>
        Walk(value, new HashSet<object>(ReferenceEqualityComparer.Instance), path, 0);

    private static void Walk(object? value, HashSet<object> seen, string path, int depth)
    {
        if (value is null || value is string || value is Type || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal)
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxToken or SyntaxTrivia or SyntaxReference or Compilation or SemanticModel or SyntaxTree or Location or AttributeData or TypedConstant,
            $"{path} holds a Roslyn object of type {value.GetType()}");
        Assert.True(depth < MaxDepth, $"{path} nests deeper than {MaxDepth} levels; a model should be flat data");

        // Descriptors are static catalogue entries; spans are plain numbers.
        if (value is DiagnosticDescriptor or TextSpan or LinePositionSpan or LinePosition || (!value.GetType().IsValueType && !seen.Add(value)))
        {
            return;
        }

        if (IsDefaultImmutableArray(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                Walk(item, seen, $"{path}[{i++}]", depth + 1);
            }
        }

        var type = value.GetType();
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), seen, path + "." + field.Name, depth + 1);
        }

        // Properties without a backing field (computed) can still hand out Roslyn objects.
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.GetIndexParameters().Length == 0 && property.GetMethod is not null)
            {
                Walk(property.GetValue(value), seen, path + "." + property.Name, depth + 1);
            }
        }
    }

    private static bool IsDefaultImmutableArray(object value) =>
        value.GetType() is { IsGenericType: true } type
        && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
        && (bool)type.GetProperty(nameof(System.Collections.Immutable.ImmutableArray<int>.IsDefault))!.GetValue(value)!;
}
