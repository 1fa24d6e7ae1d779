using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Skaftin.Realtime.CodeFixes;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>
/// The code fixes of the snapshot diagnostics (SKR031–SKR033), each applied in a workspace to the diagnostic the
/// generator reports, then the fixed source run through the generator again: the diagnostic is gone.
/// </summary>
public sealed class SnapshotCodeFixTests
{
    private const string Snapshot = """
        {
          "formatVersion": 1, "projectId": "demo", "takenAt": "2026-12-07T13:00:00.000Z", "source": "http://localhost:4006",
          "tables": [
            {
              "name": "vehicles", "primaryKey": "id",
              "columns": [
                { "name": "id", "type": "integer", "nullable": false, "primaryKey": true },
                { "name": "registration_number", "type": "text", "nullable": false },
                { "name": "capacity", "type": "integer", "nullable": true },
                { "name": "mileage", "type": "bigint", "nullable": false, "default": 0 },
                { "name": "in_service", "type": "boolean", "nullable": false, "default": true },
                { "name": "bought_at", "type": "timestamp", "nullable": true },
                { "name": "tracker", "type": "geometry", "nullable": true }
              ],
              "constraints": []
            }
          ]
        }
        """;

    private const string Usings = "using System;\nusing Skaftin.Realtime;\n\n";

    [Fact]
    public void TheGeneratorAndTheFixesAgreeOnTheDataKeys()
    {
        Assert.Equal(Skaftin.Realtime.Generator.Diagnostics.FixProperties.Column, Skaftin.Realtime.CodeFixes.FixProperties.Column);
        Assert.Equal(Skaftin.Realtime.Generator.Diagnostics.FixProperties.Type, Skaftin.Realtime.CodeFixes.FixProperties.Type);
    }

    [Fact]
    public async Task SKR031_APositionalMemberReadsTheNearestColumn()
    {
        var fixedSource = await FixAsync<ColumnNameCodeFixProvider>("SKR031", """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, string RegistrationNumber, int? Capasity);
            """, "Read column 'capacity' ([SkaftinColumn])");
        Assert.Equal(Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, string RegistrationNumber, [property: SkaftinColumn("capacity")] int? Capasity);
            """, fixedSource);
    }

    [Fact]
    public async Task SKR031_APropertyGetsTheAttributeOnItsOwnLine()
    {
        var fixedSource = await FixAsync<ColumnNameCodeFixProvider>("SKR031", """
            [SkaftinTable("vehicles")]
            public sealed class Vehicle
            {
                public int Id { get; init; }

                public required string RegistrationNumber { get; init; }

                /// <summary>In use.</summary>
                public bool InServise { get; init; }
            }
            """, "Read column 'in_service' ([SkaftinColumn])");
        Assert.Equal(Usings + """
            [SkaftinTable("vehicles")]
            public sealed class Vehicle
            {
                public int Id { get; init; }

                public required string RegistrationNumber { get; init; }

                /// <summary>In use.</summary>
                [SkaftinColumn("in_service")]
                public bool InServise { get; init; }
            }
            """, fixedSource);
    }

    [Fact]
    public async Task SKR031_AnExistingSkaftinColumnGetsTheRightName()
    {
        var fixedSource = await FixAsync<ColumnNameCodeFixProvider>("SKR031", """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, [property: SkaftinColumn("registraton_number")] string Registration);
            """, "Read column 'registration_number' ([SkaftinColumn])");
        Assert.Equal(Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, [property: SkaftinColumn("registration_number")] string Registration);
            """, fixedSource);
    }

    [Fact]
    public async Task SKR031_NoFixWithoutAClearlyNearestColumn()
    {
        var (document, diagnostic) = await DiagnosedAsync("SKR031", """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, string RegistrationNumber, string Colour);
            """);
        Assert.Empty(await ActionsAsync(new ColumnNameCodeFixProvider(), document, diagnostic));
    }

    [Fact]
    public async Task SKR032_TheMemberTakesTheTypeTheSnapshotImplies()
    {
        var fixedSource = await FixAsync<MemberTypeCodeFixProvider>("SKR032", """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, string RegistrationNumber, int Mileage);
            """, "Change the type to 'long'");
        Assert.Equal(Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, string RegistrationNumber, long Mileage);
            """, fixedSource);
    }

    [Fact]
    public async Task SKR032_ANullableColumnGivesANullableTypeInTheFileUsings()
    {
        var fixedSource = await FixAsync<MemberTypeCodeFixProvider>("SKR032", """
            [SkaftinTable("vehicles")]
            public sealed class Vehicle
            {
                public int Id { get; init; }

                public required string RegistrationNumber { get; init; }

                public int BoughtAt { get; init; }
            }
            """, "Change the type to 'DateTimeOffset?'");
        Assert.Contains("    public DateTimeOffset? BoughtAt { get; init; }\n", fixedSource);
    }

    [Fact]
    public async Task SKR033_TheMemberBecomesNullable()
    {
        var fixedSource = await FixAsync<NullableMemberCodeFixProvider>("SKR033", """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, string RegistrationNumber, int Capacity, string? Tracker);
            """, "Make the member nullable");
        Assert.Equal(Usings + """
            [SkaftinTable("vehicles")]
            public sealed record Vehicle(int Id, string RegistrationNumber, int? Capacity, string? Tracker);
            """, fixedSource);
    }

    [Fact]
    public async Task SKR033_AReferenceTypedPropertyBecomesNullable()
    {
        var fixedSource = await FixAsync<NullableMemberCodeFixProvider>("SKR033", """
            [SkaftinTable("vehicles")]
            public sealed class Vehicle
            {
                public int Id { get; init; }

                public required string RegistrationNumber { get; init; }

                public int? Capacity { get; init; }

                public string Tracker { get; init; } = "";
            }
            """, "Make the member nullable");
        Assert.Contains("    public string? Tracker { get; init; } = \"\";\n", fixedSource);
    }

    // Applies the one fix offered for the one diagnostic of that id, checks its title, and checks that the fixed
    // source no longer has the diagnostic.
    private static async Task<string> FixAsync<TProvider>(string id, string model, string title)
        where TProvider : CodeFixProvider, new()
    {
        var (document, diagnostic) = await DiagnosedAsync(id, model);
        var action = Assert.Single(await ActionsAsync(new TProvider(), document, diagnostic));
        Assert.Equal(title, action.Title);
        var operation = Assert.Single((await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        var fixedDocument = operation.ChangedSolution.GetDocument(document.Id)!;
        var text = (await fixedDocument.GetTextAsync()).ToString();
        Assert.DoesNotContain(Diagnostics(text), d => d.Id == id);
        return text;
    }

    private static async Task<(Document Document, Diagnostic Diagnostic)> DiagnosedAsync(string id, string model)
    {
        var source = Usings + model;
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Tests", "Tests", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: GeneratorHarness.References));
        var document = workspace.AddDocument(project.Id, "Test0.cs", Microsoft.CodeAnalysis.Text.SourceText.From(source));
        var compilation = (CSharpCompilation)(await document.Project.GetCompilationAsync())!;
        var diagnostic = Assert.Single(Run(compilation), d => d.Id == id);
        return (document, diagnostic);
    }

    private static async Task<List<CodeAction>> ActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        Assert.Contains(diagnostic.Id, provider.FixableDiagnosticIds);
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    private static IEnumerable<Diagnostic> Diagnostics(string source) =>
        Run(GeneratorHarness.CreateCompilation(new[] { source }));

    private static IEnumerable<Diagnostic> Run(CSharpCompilation compilation) =>
        GeneratorHarness.Run(compilation, LanguageVersion.CSharp12, project: TestProject.WithSnapshot(Snapshot)).GetRunResult().Diagnostics;
}
