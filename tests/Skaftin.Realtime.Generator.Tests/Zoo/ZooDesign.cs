using System;
using System.Collections.Generic;
using System.Linq;
using Skaftin.Realtime.Generator.Parsing;

namespace Skaftin.Realtime.Generator.Tests.Zoo;

/// <summary>How a member is declared.</summary>
internal enum DeclarationForm
{
    Positional,
    DefaultParameter,
    Init,
    RequiredInit,
    Settable,
    InitializedProperty,
    BaseRecordMember,
    BaseClassMember,
}

/// <summary>The nullable context of the model's file and project.</summary>
internal enum ZooNullable
{
    Enable,
    Disable,
    AnnotationsOnly,
}

/// <summary>Where and how the model type is declared.</summary>
internal enum ModelKind
{
    Namespaced,
    FileScoped,
    Nested,
    NestedInGeneric,
    Internal,
    GlobalNamespace,
}

/// <summary>One cell: a member of a model.</summary>
/// <param name="Name">The member's name (without <c>@</c>).</param>
/// <param name="Type">Its type.</param>
/// <param name="Sample">Which of the type's samples its row carries.</param>
/// <param name="Ordinal">Its position in the model (initialized properties alternate init and set by it).</param>
internal sealed record ZooMember(string Name, ZooType Type, ZooSample Sample, int Ordinal);

/// <summary>A model of the zoo: one form, one nullable context, one kind, many members.</summary>
internal sealed record ZooModel(int Index, DeclarationForm Form, ZooNullable Context, ModelKind Kind, IReadOnlyList<ZooMember> Members)
{
    public string TypeName => "Zoo" + Index;

    public string TableName => "zoo_rows_" + Index;

    public string? Namespace => Kind == ModelKind.GlobalNamespace ? null : "ZooModels";

    public string? Container => Kind is ModelKind.Nested or ModelKind.NestedInGeneric ? "Outer" + Index : null;

    public string ReaderTypeName => (Namespace is null ? "" : Namespace + ".") + Container + TypeName + "RowReader";

    public string Describe(ZooMember member) =>
        $"{TypeName} [{Form}, nullable {Context}, {Kind}] member '{member.Name}' : {member.Type.Label}";

    /// <summary>The names a model adds to the shared vocabulary: its table, its generated classes, its container and (where C# allows it) itself.</summary>
    public IEnumerable<string> OwnNames()
    {
        var pascal = Naming.ToPascalCase(TableName)!;
        yield return pascal;
        yield return pascal + "Realtime";
        yield return pascal + "RealtimeExtensions";
        yield return Container + TypeName + "RowReader";
        yield return Container + TypeName + "Patch";
        yield return TableName;
        if (Container is not null)
        {
            yield return Container;
        }

        if (Form is DeclarationForm.BaseRecordMember or DeclarationForm.BaseClassMember)
        {
            // A member cannot share its type's name, but an inherited one can.
            yield return TypeName;
        }
    }
}

/// <summary>
/// The zoo's covering design, generated rather than listed (the cartesian product of all five dimensions would be
/// about 1.3 million cells; this design has about 3,000, every pair below fully covered):
/// <list type="bullet">
/// <item>Layer 1, type × form in full, the nullable context rotating with both, so type × context and form ×
/// context are full too: namespaced models per (form, context), <see cref="ChunkSize"/> members at most.</item>
/// <item>Layer 2, kind × form × context in full for the other five kinds, each model holding a window of
/// <see cref="WindowSize"/> types; the windows of one kind cover every type (kind × type in full).</item>
/// <item>Names: each model's own names first (table, generated classes, container, itself where C# allows), then
/// members named like their type (Color Color) in half of the forms, then the shared vocabulary: one walk through
/// it per form, continued from model to model of that form, so every name meets every form.</item>
/// <item>Layer 3: names a form's walk did not reach get models of their own (scalar members), so the
/// vocabulary may grow without losing name × form coverage.</item>
/// <item>Each placement of a type writes its next sample, so each sample of each type is written somewhere.</item>
/// </list>
/// </summary>
internal static class ZooDesign
{
    public const int WindowSize = 10;

    public const int ChunkSize = 48;

    public static IReadOnlyList<ZooModel> Build(IReadOnlyList<string> vocabulary)
    {
        var types = ZooTypes.All;
        var forms = Enum.GetValues<DeclarationForm>();
        var contexts = Enum.GetValues<ZooNullable>();
        var models = new List<ZooModel>();

        // One walk through the vocabulary per form, continued from model to model of that form.
        var walks = forms.ToDictionary(static f => f, f => new NameWalk(vocabulary, (int)f * 37));
        var samples = new Dictionary<ZooType, int>();
        foreach (var form in forms)
        {
            foreach (var context in contexts)
            {
                var share = types.Where((_, i) => (i + (int)form) % contexts.Length == (int)context).ToList();

                // Chunks keep each generated reader method small: compile time grows faster than linearly with it.
                foreach (var chunk in share.Chunk(ChunkSize))
                {
                    models.Add(Model(models.Count, form, context, ModelKind.Namespaced, chunk, walks[form], samples, colorColor: (int)form % 2 == 0));
                }
            }
        }

        foreach (var kind in Enum.GetValues<ModelKind>().Where(static k => k != ModelKind.Namespaced))
        {
            foreach (var form in forms)
            {
                foreach (var context in contexts)
                {
                    var slot = ((int)form * contexts.Length) + (int)context;
                    var window = Enumerable.Range(slot * WindowSize, WindowSize).Select(i => types[i % types.Count]).ToList();
                    models.Add(Model(models.Count, form, context, kind, window, walks[form], samples, colorColor: false));
                }
            }
        }

        // Layer 3: names a form's walk has not reached yet (the vocabulary grows with the baselines) get models of
        // their own, with scalar members in rotation, so every name meets every form whatever the vocabulary's size.
        foreach (var form in forms)
        {
            var used = models.Where(m => m.Form == form).SelectMany(static m => m.Members).Select(static m => m.Name).ToHashSet(StringComparer.Ordinal);
            var walk = walks[form];
            walk.Defer(vocabulary.Where(n => !used.Contains(n)));
            for (var rounds = 0; walk.Pending > 0; rounds++)
            {
                if (rounds > vocabulary.Count)
                {
                    throw new InvalidOperationException($"{form}: names that no model can take: {walk.Pending}");
                }

                // Room for the model's own names as well as the pending ones.
                var context = contexts[rounds % contexts.Length];
                var ownNames = new ZooModel(models.Count, form, context, ModelKind.Namespaced, Array.Empty<ZooMember>()).OwnNames().Count();
                var size = Math.Min(ChunkSize, walk.Pending + ownNames);
                var scalars = Enumerable.Range(rounds * ChunkSize, size).Select(static i => ZooTypes.Scalars[i % ZooTypes.Scalars.Count]).ToList();
                models.Add(Model(models.Count, form, context, ModelKind.Namespaced, scalars, walk, samples, colorColor: false));
            }
        }

        return models;
    }

    private static ZooModel Model(int index, DeclarationForm form, ZooNullable context, ModelKind kind, IReadOnlyList<ZooType> types,
        NameWalk names, Dictionary<ZooType, int> samples, bool colorColor)
    {
        var shell = new ZooModel(index, form, context, kind, Array.Empty<ZooMember>());
        var takenLower = new HashSet<string>(StringComparer.Ordinal) { "id" };
        var takenColumn = new HashSet<string>(StringComparer.Ordinal) { "id" };
        var own = new Queue<string>(shell.OwnNames());
        var members = new List<ZooMember>();

        bool Take(string name)
        {
            if (ZooNames.IsKeyColumn(name) || !takenLower.Add(name.ToLowerInvariant()))
            {
                return false;
            }

            if (!takenColumn.Add(Naming.ToSnakeCase(name)))
            {
                takenLower.Remove(name.ToLowerInvariant());
                return false;
            }

            return true;
        }

        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            string? name = null;
            while (name is null && own.Count > 0)
            {
                var candidate = own.Dequeue();
                name = Take(candidate) ? candidate : null;
            }

            if (name is null && colorColor && ZooTypes.Scalars.Contains(type) && Take(type.SimpleName))
            {
                name = type.SimpleName;
            }

            name ??= names.Next(Take, shell.TypeName);

            // Each placement of a type writes its next sample, so every sample is written somewhere.
            var sample = samples.GetValueOrDefault(type);
            samples[type] = sample + 1;
            members.Add(new ZooMember(name, type, type.Samples[sample % type.Samples.Count], i));
        }

        return shell with { Members = members };
    }

    /// <summary>One form's walk through the vocabulary, continued from model to model of that form.</summary>
    private sealed class NameWalk
    {
        private readonly IReadOnlyList<string> _vocabulary;
        private readonly List<string> _deferred = new();
        private int _cursor;

        public NameWalk(IReadOnlyList<string> vocabulary, int start)
        {
            _vocabulary = vocabulary;
            _cursor = start;
        }

        public int Pending => _deferred.Count;

        public void Defer(IEnumerable<string> names) => _deferred.AddRange(names.Where(n => !_deferred.Contains(n)));

        // Names an earlier model of the form could not take (it held the same name in another case) come first.
        public string Next(Func<string, bool> take, string model)
        {
            for (var i = 0; i < _deferred.Count; i++)
            {
                if (take(_deferred[i]))
                {
                    var name = _deferred[i];
                    _deferred.RemoveAt(i);
                    return name;
                }
            }

            for (var tries = 0; tries <= _vocabulary.Count; tries++)
            {
                var candidate = _vocabulary[_cursor++ % _vocabulary.Count];
                if (take(candidate))
                {
                    return candidate;
                }

                if (!_deferred.Contains(candidate))
                {
                    _deferred.Add(candidate);
                }
            }

            throw new InvalidOperationException($"the vocabulary ran out of names for {model}");
        }
    }
}
