#!/usr/bin/env bash
# Build-integration benchmark: a no-op incremental `dotnet build` of a 500-file project that
# references the packed HfSecretScan package, a fresh MSBuild process each time; the HfSecretScan
# target's own time from `-clp:PerformanceSummary`. The package is packed from src/ into a local
# feed and restored offline into an isolated NuGet cache (as tests/HfSecretScan.MSBuild.Tests does).
# Prints a Markdown fragment and writes it to bench/out/msbuild.md.
# usage: bench/msbuild.sh [BUILDS]     (default 7 no-op builds)       needs: dotnet, python3
set -euo pipefail
source "$(dirname "$0")/lib.sh"
builds=${1:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=0.0.0-bench.$(date -u +%Y%m%d%H%M%S)

dotnet pack "$repo_root/src/HfSecretScan.MSBuild/HfSecretScan.MSBuild.csproj" -c Release -o "$work/feed" \
  --artifacts-path "$work/artifacts" -p:PackageVersion="$version" -nodeReuse:false -p:UseSharedCompilation=false \
  -v quiet -nologo >&2

project=$work/project
mkdir -p "$project/src"
cat > "$project/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="bench-feed" value="$work/feed" />
  </packageSources>
</configuration>
XML
cat > "$project/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="HfSecretScan" Version="$version" />
  </ItemGroup>
</Project>
XML
# 500 source files of about 2 KB with hf_ near-misses, no token.
for i in $(seq 1 500); do
  {
    echo "namespace Bench.Module$i;"
    echo "public static class Module$i"
    echo "{"
    for j in $(seq 1 25); do
      echo "    public static string Hf_value$j => \"hf_setting_$i\" + \"$j\"; // line $j of module $i"
    done
    echo "}"
  } > "$project/src/Module$i.cs"
done

export NUGET_PACKAGES=$work/packages
(cd "$project" && dotnet restore -nodeReuse:false -v quiet -nologo >&2 && dotnet build --no-restore -nodeReuse:false -v quiet -nologo >&2)
: > "$work/times"
for _ in $(seq 1 "$builds"); do
  start=$(date +%s%N)
  (cd "$project" && dotnet build --no-restore -nodeReuse:false -nologo -clp:PerformanceSummary) > "$work/build.log"
  end=$(date +%s%N)
  target=$(awk '/Target Performance Summary/ {on=1} on && $3 == "HfSecretScan" {print $1; exit}' "$work/build.log")
  echo "${target:-?} $(( (end - start) / 1000000 ))" >> "$work/times"
done
load=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$work/times" "$builds" "$load" <<'PY' | tee "$bench_out/msbuild.md"
import statistics, sys
path, builds, load = sys.argv[1:]
rows = [line.split() for line in open(path)]
target = [int(r[0]) for r in rows if r[0].isdigit()]
wall = [int(r[1]) for r in rows]
print(f"No-op incremental build of a 501-file project (500 `.cs` files and the project) with the packed `HfSecretScan` "
      f"package: `dotnet build --no-restore -nodeReuse:false -clp:PerformanceSummary`, a fresh MSBuild process each time, "
      f"{builds} builds after a first full one; load average {load} at the end.\n")
print("| measure | median | min | max |")
print("| --- | ---: | ---: | ---: |")
if target:
    print(f"| `HfSecretScan` target (PerformanceSummary) | {statistics.median(target):.0f} ms | {min(target)} ms | {max(target)} ms |")
else:
    print("| `HfSecretScan` target | not found in the performance summary | | |")
print(f"| whole `dotnet build`, wall | {statistics.median(wall):.0f} ms | {min(wall)} ms | {max(wall)} ms |")
print(f"\n`HfSecretScan` target: **{statistics.median(target):.0f} ms** median (target <= 10 ms added).\n" if target else "\nNo measurement (target <= 10 ms added).\n")
PY
