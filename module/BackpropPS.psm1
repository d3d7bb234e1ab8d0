# Loads the build of BackpropPS that fits the running PowerShell, the way Pester and ML.NET pick theirs:
# net8.0 (AVX2 and FMA through System.Runtime.Intrinsics) on PowerShell 7.4 and later, which run on .NET 8
# or newer; netstandard2.0 (System.Numerics.Vector<T>) on Windows PowerShell 5.1 and older PowerShell 7.
$framework = if ($PSVersionTable.PSEdition -eq 'Core' -and [Environment]::Version.Major -ge 8) { 'net8.0' } else { 'netstandard2.0' }
Import-Module -Name ([IO.Path]::Combine($PSScriptRoot, $framework, 'BackpropPS.dll'))

# The types file names the DLL's converter and code properties, so it is loaded here, after the DLL, and not
# through the manifest's TypesToProcess (which PowerShell processes before the root module runs).
$typesFile = [IO.Path]::Combine($PSScriptRoot, 'BackpropPS.Types.ps1xml')
Update-TypeData -PrependPath $typesFile
$ExecutionContext.SessionState.Module.OnRemove = { Remove-TypeData -Path $typesFile -ErrorAction Ignore }.GetNewClosure()

# The last step of the import: compile the engine on a background thread while the user loads data (about_BackpropPS,
# "A first call"), now that the import itself no longer needs the processor.
[BackpropPS.ModuleWarmUp]::Start()
