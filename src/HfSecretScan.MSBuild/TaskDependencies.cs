using System.Reflection;
using System.Runtime.Loader;

namespace HfSecretScan.MSBuild;

/// <summary>
/// Finds the task's dependencies that its ReadyToRun folder (<c>tasks/net10.0/RID/</c>) does not
/// hold in the IL folder above it: SharpCompress ships once, IL, not once per platform. MSBuild's
/// load context looks in the task's own folder only; this asks one folder up, and only there.
/// </summary>
internal static class TaskDependencies
{
    private static int s_registered;

    /// <summary>Registers the lookup for the load context <paramref name="task"/> was loaded in, once.</summary>
    public static void ResolveFromParentFolder(Assembly task)
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 1
            || Path.GetDirectoryName(task.Location) is not { Length: > 0 } folder
            || Path.GetDirectoryName(folder) is not { Length: > 0 } parent
            || !File.Exists(Path.Combine(parent, Path.GetFileName(task.Location)))
            || AssemblyLoadContext.GetLoadContext(task) is not { } context)
        {
            return;
        }

        context.Resolving += (loading, name) =>
        {
            string path = Path.Combine(parent, name.Name + ".dll");
            return File.Exists(path) ? loading.LoadFromAssemblyPath(path) : null;
        };
    }
}
