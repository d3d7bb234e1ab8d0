<#
.SYNOPSIS
    Builds, tests and demonstrates BackpropPS: the one entry point for developers and CI.

.DESCRIPTION
    Build    compiles the solution and assembles the importable module in out/BackpropPS
             (manifest, root module, format file, the net8.0 and netstandard2.0 DLLs, generated help).
    Test     builds, runs every xunit and Pester test, lists the skipped ones with their reasons, and ends with
             "Tests: N passed, M failed, K skipped". As root on Debian or Ubuntu the SSH remoting tests install
             openssh-server when it is missing (see Start-TestSshServer in tests/BackpropPS.Tests/TestHelpers.psm1).
    Demo     builds, then runs the seed example's training step through the cmdlets in a fresh pwsh.
    Docs     regenerates the MAML and about_ help in out/BackpropPS/en-US from docs/en-US.
    Package  builds, then packs out/BackpropPS into out/repository/BackpropPS.<version>.nupkg with
             Publish-PSResource (PSResourceGet, part of PowerShell 7.4+) to that folder as a local file repository
             (registered for the publish only, see tools/Package/Package.psm1). Install it from there with
             `Register-PSResourceRepository -Name BackpropPS-Local -Uri ./out/repository -Trusted` and
             `Install-PSResource BackpropPS -Repository BackpropPS-Local`.
    Bench    runs the BenchmarkDotNet project (Release): all of it with 15 iterations each, or what further
             arguments say, which go to BenchmarkDotNet untouched, e.g.
             `dotnet pwsh ./build.ps1 Bench --filter '*StepBenchmarks*' --job short`.
             See tests/BackpropPS.Benchmarks/README.md.
    Clean    removes out/ and every bin/ and obj/.

.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Docs', 'Package', 'Bench', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # The rest of the command line goes to BenchmarkDotNet with Bench, e.g. `Bench --filter *Seed* --job short`.
    [Parameter(ValueFromRemainingArguments)]
    [string[]] $BenchmarkArguments
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'BackpropPS'
$pesterVersion = '5.7.1'
# The module's own files per build; anything else in bin/ (such as reference assemblies) stays out.
# BackpropPS.psm1 loads one folder: net8.0 on PowerShell 7.4 and later, netstandard2.0 elsewhere.
$moduleAssemblies = @{
    'net8.0'         = 'BackpropPS.dll', 'BackpropPS.Core.dll', 'Newtonsoft.Json.dll', 'OxyPlot.dll'
    'netstandard2.0' = 'BackpropPS.dll', 'BackpropPS.Core.dll', 'Newtonsoft.Json.dll', 'OxyPlot.dll', 'System.Numerics.Vectors.dll'
}

function Invoke-Native {
    # Runs a native command and stops the build when it fails.
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Invoke-Docs {
    $helpOut = Join-Path $moduleOut 'en-US'
    New-Item -ItemType Directory -Force -Path $helpOut | Out-Null
    Import-Module (Join-Path $root 'tools/HelpBuilder/HelpBuilder.psm1') -Force
    Build-ModuleHelp -DocsPath (Join-Path $root 'docs/en-US') -OutputPath $helpOut -ModuleName 'BackpropPS' | Out-Null
}

function Invoke-Build {
    Invoke-Native dotnet @('build', (Join-Path $root 'BackpropPS.sln'), '-c', $Configuration, '--nologo', '-v', 'q', '-clp:NoSummary')
    if (Test-Path $moduleOut) { Remove-Item -Recurse -Force $moduleOut }
    New-Item -ItemType Directory -Force -Path $moduleOut | Out-Null
    foreach ($framework in $moduleAssemblies.Keys) {
        $bin = Join-Path $root "src/BackpropPS/bin/$Configuration/$framework"
        $folder = New-Item -ItemType Directory -Force -Path (Join-Path $moduleOut $framework)
        foreach ($file in $moduleAssemblies[$framework]) { Copy-Item (Join-Path $bin $file) $folder }
    }
    Copy-Item (Join-Path $root 'module/*') $moduleOut -Recurse
    Copy-Item (Join-Path $root 'LICENSE') $moduleOut
    Invoke-Docs
    Write-Host "Module assembled in $moduleOut"
}

function Get-PesterManifest {
    # Pester comes from NuGet, pinned, so that no machine needs the PowerShell Gallery.
    Invoke-Native dotnet @('restore', (Join-Path $root 'tools/Pester/Pester.csproj'), '--nologo', '-v', 'q')
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $manifest = Join-Path $packages "pester/$pesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $manifest)) { throw "Pester $pesterVersion was restored but $manifest is missing." }
    $manifest
}

function Invoke-XunitTests {
    $results = Join-Path $out 'xunit'
    if (Test-Path $results) { Remove-Item -Recurse -Force $results }
    $passed = 0; $failed = 0; $skipped = 0
    foreach ($project in Get-ChildItem (Join-Path $root 'tests') -Recurse -Filter '*.Tests.csproj') {
        & dotnet test $project.FullName -c $Configuration --no-build --nologo --results-directory $results `
            --logger "trx;LogFileName=$($project.BaseName).trx" --logger 'console;verbosity=minimal' | Out-Host
        $trx = Join-Path $results "$($project.BaseName).trx"
        if (-not (Test-Path $trx)) { $failed++; Write-Warning "$($project.Name) produced no results."; continue }
        $counters = ([xml](Get-Content -Raw $trx)).TestRun.ResultSummary.Counters
        $failedHere = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $passed += [int]$counters.passed
        $failed += $failedHere
        # A skipped xunit test is in the total but not executed; whatever neither passed nor failed counts as skipped.
        $skipped += [int]$counters.total - [int]$counters.passed - $failedHere
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed; Skipped = $skipped }
}

function Get-TreeStatus {
    # The working tree's `git status`, every untracked file named; $null where there is no git checkout.
    if (-not (Get-Command git -CommandType Application -ErrorAction SilentlyContinue)) { return $null }
    $status = & git -C $root status --porcelain -uall 2>$null
    if ($LASTEXITCODE -ne 0) { return $null }
    , [string[]]@($status)
}

function Invoke-PesterTests {
    param([string[]] $TreeStatus)
    $pester = Get-PesterManifest
    $summary = Join-Path $out 'pester-summary.json'
    if (Test-Path $summary) { Remove-Item $summary }
    $treeFile = Join-Path $out 'tree-status-before.txt'
    if ($null -ne $TreeStatus) { Set-Content -LiteralPath $treeFile -Value $TreeStatus } elseif (Test-Path $treeFile) { Remove-Item $treeFile }
    # A fresh process: it loads the module just built, and nothing stays locked in this one.
    $runner = Join-Path $root 'tests/Invoke-PesterSuite.ps1'
    # The "What if:" lines of the tests that call cmdlets with -WhatIf go straight to the host (no stream can take
    # them) and look like warnings among the results: dropped here, on their way to the console. The tests still
    # check what -WhatIf does (nothing written).
    & dotnet pwsh -NoProfile -NonInteractive -File $runner -PesterManifest $pester -ModulePath $out -SummaryPath $summary -TreeStatusPath $treeFile |
        Where-Object { -not "$_".StartsWith('What if: ') } | Out-Host
    if (-not (Test-Path $summary)) { Write-Warning 'The Pester run produced no summary.'; return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
    Get-Content -Raw $summary | ConvertFrom-Json
}

function Invoke-Test {
    # Noted before the build, so that the last Pester test can tell what the run left in the working tree.
    $treeStatus = Get-TreeStatus
    Invoke-Build
    $xunit = Invoke-XunitTests
    $pester = Invoke-PesterTests -TreeStatus $treeStatus
    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    $skipped = $xunit.Skipped + $pester.Skipped
    Write-Host ("xunit: {0} passed, {1} failed, {2} skipped; Pester: {3} passed, {4} failed, {5} skipped" -f
        $xunit.Passed, $xunit.Failed, $xunit.Skipped, $pester.Passed, $pester.Failed, $pester.Skipped)
    Write-Host "Tests: $passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    $env:PSModulePath = $out + [IO.Path]::PathSeparator + $env:PSModulePath
    Invoke-Native dotnet @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'docs/examples/StepByStep.ps1'))
}

function Invoke-Package {
    Invoke-Build
    # The same function Package.Tests.ps1 installs from, so the test checks what this task makes.
    Import-Module (Join-Path $root 'tools/Package/Package.psm1') -Force
    $package = Publish-ModulePackage -ModulePath $moduleOut -RepositoryPath (Join-Path $out 'repository')
    Write-Host "Package written to $($package.FullName) ($([math]::Round($package.Length / 1MB, 2)) MB)"
}

function Invoke-Bench {
    # Without arguments: every benchmark, with fewer iterations than BenchmarkDotNet's default job (which takes
    # over an hour for all of them here); any argument replaces these.
    $arguments = if ($BenchmarkArguments) { $BenchmarkArguments } else { @('--filter', '*', '--warmupCount', '3', '--iterationCount', '15') }
    # Start-Process, because pwsh on Unix expands a '*' passed to a native command as a file pattern.
    $run = Start-Process dotnet -NoNewWindow -Wait -PassThru -ArgumentList (@('run', '-c', 'Release', '--project',
            (Join-Path $root 'tests/BackpropPS.Benchmarks'), '--') + ($arguments | ForEach-Object { '"' + $_ + '"' }))
    if ($run.ExitCode -ne 0) { throw "The benchmarks failed with exit code $($run.ExitCode)." }
}

function Invoke-Clean {
    if (Test-Path $out) { Remove-Item -Recurse -Force $out }
    Get-ChildItem $root -Directory -Recurse -Include bin, obj | Remove-Item -Recurse -Force
}

Push-Location $root
try {
    switch ($Task) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Docs' { Invoke-Docs }
        'Package' { Invoke-Package }
        'Bench' { Invoke-Bench }
        'Clean' { Invoke-Clean }
    }
}
finally {
    Pop-Location
}
