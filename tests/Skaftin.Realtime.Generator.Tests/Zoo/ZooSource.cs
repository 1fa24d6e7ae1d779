using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Skaftin.Realtime.Generator.Tests.Zoo;

/// <summary>A model's source file and which line declares which member (to pin compiler errors on cells).</summary>
/// <param name="Model">The model.</param>
/// <param name="Path">The file path in the compilation.</param>
/// <param name="Text">The C# text.</param>
/// <param name="MemberLines">Zero-based line → the member declared there.</param>
internal sealed record ZooSource(ZooModel Model, string Path, string Text, IReadOnlyDictionary<int, ZooMember> MemberLines)
{
    public static ZooSource Write(ZooModel model)
    {
        var lines = new List<string>();
        var memberLines = new Dictionary<int, ZooMember>();
        var indent = "";

        void Line(string text) => lines.Add(indent + text);

        void Open(string header)
        {
            Line(header);
            Line("{");
            indent += "    ";
        }

        void Close(string end = "}")
        {
            indent = indent.Substring(4);
            Line(end);
        }

        void Member(ZooMember member, string text)
        {
            memberLines[lines.Count] = member;
            Line(text);
        }

        Line(model.Context switch
        {
            ZooNullable.Enable => "#nullable enable",
            ZooNullable.Disable => "#nullable disable",
            _ => "#nullable enable annotations",
        });
        if (model.Namespace is not null)
        {
            Open("namespace " + model.Namespace);
        }

        if (model.Container is not null)
        {
            Open(model.Kind == ModelKind.NestedInGeneric ? $"public static class {model.Container}<TOuter>" : $"public static class {model.Container}");
        }

        var access = model.Kind switch
        {
            ModelKind.Internal => "internal",
            ModelKind.FileScoped => "file",
            _ => "public",
        };
        var attribute = $"[global::Skaftin.Realtime.SkaftinTable(\"{model.TableName}\")]";
        var baseName = model.TypeName + "Base";
        switch (model.Form)
        {
            case DeclarationForm.Positional:
            case DeclarationForm.DefaultParameter:
                Line(attribute);
                Line($"{access} sealed record {model.TypeName}(");
                Line(model.Members.Count == 0 ? "    int Id);" : "    int Id,");
                foreach (var member in model.Members)
                {
                    var defaultValue = model.Form == DeclarationForm.DefaultParameter ? " = " + member.Type.ParameterDefaultCode : "";
                    var separator = member == model.Members[^1] ? ");" : ",";
                    Member(member, $"    {member.Type.Code} {ZooNames.Written(member.Name)}{defaultValue}{separator}");
                }

                break;
            case DeclarationForm.BaseRecordMember:
            case DeclarationForm.BaseClassMember:
                var isRecord = model.Form == DeclarationForm.BaseRecordMember;
                Open(isRecord ? $"{access} abstract record {baseName}" : $"{access} class {baseName}");
                foreach (var member in model.Members)
                {
                    Member(member, $"public {member.Type.Code} {ZooNames.Written(member.Name)} {{ get; {(isRecord ? "init" : "set")}; }}");
                }

                Close();
                Line(attribute);
                if (isRecord)
                {
                    Line($"{access} sealed record {model.TypeName}(int Id) : {baseName};");
                }
                else
                {
                    Open($"{access} sealed class {model.TypeName} : {baseName}");
                    Line("public int Id { get; init; }");
                    Close();
                }

                break;
            default:
                Line(attribute);
                Open($"{access} sealed class {model.TypeName}");
                var required = model.Form == DeclarationForm.RequiredInit ? "required " : "";
                Line($"public {required}int Id {{ get; init; }}");
                foreach (var member in model.Members)
                {
                    var declaration = model.Form switch
                    {
                        DeclarationForm.Settable => "{ get; set; }",
                        DeclarationForm.InitializedProperty => (member.Ordinal % 2 == 0 ? "{ get; init; } = " : "{ get; set; } = ") + member.Type.InitializerCode + ";",
                        _ => "{ get; init; }",
                    };
                    Member(member, $"public {required}{member.Type.Code} {ZooNames.Written(member.Name)} {declaration}");
                }

                Close();
                break;
        }

        if (model.Container is not null)
        {
            Close();
        }

        if (model.Namespace is not null)
        {
            Close();
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return new ZooSource(model, $"/zoo/{model.TypeName}.cs", text.ToString(), memberLines);
    }

    /// <summary>The same model without the given members (cells whose own C# is invalid, whatever the generator does).</summary>
    public static ZooSource Without(ZooSource source, IReadOnlySet<ZooMember> invalid) =>
        Write(source.Model with { Members = source.Model.Members.Where(m => !invalid.Contains(m)).ToList() });
}
