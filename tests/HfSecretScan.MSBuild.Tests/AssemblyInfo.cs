// Each test builds its own temp project with real `dotnet build` processes: they run side by side.
[assembly: Parallelize(Workers = 4, Scope = ExecutionScope.MethodLevel)]
