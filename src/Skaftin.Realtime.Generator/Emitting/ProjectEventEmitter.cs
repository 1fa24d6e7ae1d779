using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Skaftin.Realtime.Generator.Model;

namespace Skaftin.Realtime.Generator.Emitting;

/// <summary>
/// Writes one project event's generated file: the data reader (the row reader's emission, so the grammar, defaults
/// and errors are a row's), the typed event class and its accessors.
/// </summary>
internal static class ProjectEventEmitter
{
    private const string Runtime = "global::Skaftin.Realtime";

    public static string Write(TableSpec spec)
    {
        var w = TableEmitter.FileStart(spec);
        var access = spec.IsPublic ? "public" : "internal";
        TableEmitter.WriteReader(w, spec, access, $"Reads the data of project events of type <c>{TableEmitter.Xml(spec.TableName)}</c>", "The event's type as the server sends it (named in decode errors).");
        w.Line();
        // The reader is a row reader, whose partial reads need the patch type (data that leaves out a column).
        PatchEmitter.WritePatchClass(w, spec, access, TableEmitter.GeneratedCode);
        w.Line();
        WriteEvents(w, spec, access);
        w.Line();
        WriteAccessors(w, spec, access);
        return w.ToString();
    }

    private static void WriteEvents(SourceWriter w, TableSpec spec, string access)
    {
        w.Line($"/// <summary>Typed <c>project-event</c>s of type <c>{TableEmitter.Xml(spec.TableName)}</c>, with data of <see cref=\"{TableEmitter.Cref(spec.ModelFullName)}\"/>.</summary>");
        w.Line(TableEmitter.GeneratedCode);
        using (w.Block($"{access} sealed partial class {spec.RealtimeClassName} : {Runtime}.RealtimeProjectEvent<{spec.ModelFullName}>"))
        {
            w.Line("/// <summary>The event's type as the server sends it.</summary>");
            w.Line($"public const string Type = {TableEmitter.Literal(spec.TableName)};");
            w.Line();
            w.Line("/// <summary>Creates the event source; apps get it with the generated accessor instead.</summary>");
            w.Line("/// <param name=\"router\">The router that delivers the events.</param>");
            w.Line($"public {spec.RealtimeClassName}({Runtime}.SkaftinEventRouter router)");
            w.Line($"    : base(router, Type, {spec.ReaderClassName}.Instance)");
            w.Line("{");
            w.Line("}");
        }
    }

    private static void WriteAccessors(SourceWriter w, TableSpec spec, string access)
    {
        // Qualified: inside the extensions class the accessor method shares the event class's name.
        var events = "global::" + (spec.Namespace is null ? spec.RealtimeClassName : spec.Namespace + "." + spec.RealtimeClassName);
        var type = TableEmitter.Xml(spec.TableName);
        w.Line($"/// <summary>Gets <see cref=\"{spec.RealtimeClassName}\"/> from a Skaftin client.</summary>");
        w.Line(TableEmitter.GeneratedCode);
        using (w.Block($"{access} static class {spec.RealtimeClassName}Extensions"))
        {
            w.Line($"/// <summary>The typed project events of type <c>{type}</c> (one shared instance per client).</summary>");
            w.Line("/// <param name=\"source\">The client or router.</param>");
            w.Line("/// <returns>The events.</returns>");
            w.Line($"public static {events} {spec.RealtimeClassName}(this {Runtime}.ISkaftinRealtimeSource source) =>");
            w.Line($"    source.Router.GetOrAddProjectEvent({events}.Type, static router => new {events}(router));");
            w.Line();
            w.Line($"/// <summary>Subscribes to the project events of type <c>{type}</c>, their data typed; data that does not decode is reported to <c>OnError</c>.</summary>");
            w.Line("/// <param name=\"source\">The client or router.</param>");
            w.Line("/// <param name=\"handler\">Receives each event.</param>");
            w.Line("/// <returns>Disposing it ends the subscription.</returns>");
            w.Line($"public static global::System.IDisposable On{spec.AccessorName}(this {Runtime}.ISkaftinRealtimeSource source, global::System.Action<{Runtime}.ProjectEvent<{spec.ModelFullName}>> handler) =>");
            w.Line($"    {spec.RealtimeClassName}(source).On(handler);");
        }
    }
}
