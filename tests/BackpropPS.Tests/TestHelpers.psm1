# Assertions the Pester tests share. Pester 5 has no tolerance assertion, hence Assert-Close.

function Assert-Close {
    # Fails unless |Actual - Expected| <= Tolerance.
    param([double] $Actual, [double] $Expected, [double] $Tolerance = 1e-12, [string] $Because)
    [math]::Abs($Actual - $Expected) | Should -BeLessOrEqual $Tolerance -Because "$Because expected $Expected, got $Actual"
}

function Get-ErrorRecord {
    # Runs $Script, which must fail, checks the ErrorId (and category) and returns the ErrorRecord. A
    # non-terminating error counts (the first one written), so one helper checks both kinds. It is taken
    # from the merged error stream: $ErrorActionPreference set here would not reach a script block of the
    # caller's scope.
    param([scriptblock] $Script, [string] $ErrorId, [string] $Category)
    $record = $null
    try { $output = & $Script 2>&1 } catch { $record = $_ }
    if (-not $record) { $record = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })[0] }
    $record | Should -Not -BeNullOrEmpty -Because 'the command must fail'
    $record.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
    if ($Category) { $record.CategoryInfo.Category | Should -Be $Category }
    $record
}

function ConvertTo-BitPattern {
    # Each double as its 64 bits, so that -Be compares bit for bit (NaN, -0.0 and the last digit included).
    param([double[]] $Values)
    foreach ($value in $Values) { [BitConverter]::DoubleToInt64Bits($value) }
}

function New-ImageSet {
    # A seeded data set of $Count images of $Width x $Width pixels from 0 to $Max, with $Classes one-hot classes
    # (the picture cmdlets' tests).
    param([int] $Count, [int] $Width, [double] $Max = 1, [int] $Classes = 10, [string[]] $Labels)
    $random = [System.Random]::new(5)
    $pixels = [double[]]::new($Count * $Width * $Width)
    for ($k = 0; $k -lt $pixels.Length; $k++) { $pixels[$k] = [math]::Round($random.NextDouble() * $Max, 2) }
    $onehot = [double[]]::new($Count * $Classes)
    for ($r = 0; $r -lt $Count; $r++) { $onehot[$r * $Classes + $r % $Classes] = 1 }
    $schema = if ($Labels) {
        [BackpropPS.Core.Training.DataSchema]::new([string[]]@(1..($Width * $Width) | ForEach-Object { "p$_" }), [string[]]'label', $Labels, $null)
    }
    [BackpropPS.Core.Training.Dataset]::new([BackpropPS.Core.Matrix]::new($Count, $Width * $Width, $pixels),
        [BackpropPS.Core.Matrix]::new($Count, $Classes, $onehot), $schema)
}

function Invoke-DeepRun {
    # The classic vanishing-gradient demonstration: 2 inputs, 6 hidden layers of 8 with activation $Hidden, one
    # sigmoid output, trained with -GradientFlow on 200 points of Circle (the gradient-flow tests).
    param([string] $Hidden, [int] $Epochs = 1)
    $circle = Get-BackpropDataset Circle -Count 200 -Seed 1 -AsDataset
    $net = New-BackpropNetwork 2, 8, 8, 8, 8, 8, 8, 1 -Activation (@($Hidden) * 6 + 'Sigmoid') -Seed 1
    $circle | Invoke-BackpropTraining -Network $net -Loss BinaryCrossEntropy -LearningRate 0.5 -Epochs $Epochs -BatchSize 20 -GradientFlow
}

function Invoke-FreshPwsh {
    # Runs a command in a new PowerShell process (same PowerShell, same PSModulePath) and returns its output.
    param([string] $Command)
    $executable = [Environment]::ProcessPath
    $arguments = [System.Collections.Generic.List[string]]::new()
    # Under `dotnet pwsh` the process is the dotnet host, which needs pwsh.dll as its first argument.
    if ([IO.Path]::GetFileNameWithoutExtension($executable) -eq 'dotnet') { $arguments.Add([Reflection.Assembly]::GetEntryAssembly().Location) }
    $arguments.AddRange([string[]]@('-NoProfile', '-NonInteractive', '-Command', $Command))
    $output = & $executable $arguments
    if ($LASTEXITCODE -ne 0) { throw "The fresh pwsh failed with exit code $LASTEXITCODE`: $output" }
    $output
}

function Invoke-GuardedPwsh {
    param([string] $Command, [hashtable] $Environment = @{})
    # Runs $Command in a fresh pwsh (so that a regression that blocks cannot hang this run: it is killed after
    # 60 s) and returns its output lines.
    $start = [Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
    if ([IO.Path]::GetFileNameWithoutExtension($start.FileName) -eq 'dotnet') { $start.ArgumentList.Add([Reflection.Assembly]::GetEntryAssembly().Location) }
    foreach ($a in '-NoProfile', '-NonInteractive', '-Command', $Command) { $start.ArgumentList.Add($a) }
    $start.RedirectStandardOutput = $true
    foreach ($k in $Environment.Keys) { $start.Environment[$k] = $Environment[$k] }
    $process = [Diagnostics.Process]::Start($start)
    $output = $process.StandardOutput.ReadToEndAsync()
    if (-not $process.WaitForExit(60000)) { $process.Kill($true); throw "blocked: '$Command' did not end within 60 s" }
    $output.Result -split '\r?\n' | Where-Object { $_ }
}

function Invoke-AsOrdinaryUser {
    # Runs a command in a new PowerShell process where file permissions apply. Root passes every permission check, so
    # as root the process runs without the capabilities that let it (setpriv, from util-linux). Returns $null when
    # neither is possible; the caller skips, saying why.
    param([string] $Command)
    $executable = [Environment]::ProcessPath
    $arguments = [System.Collections.Generic.List[string]]::new()
    if ([IO.Path]::GetFileNameWithoutExtension($executable) -eq 'dotnet') { $arguments.Add([Reflection.Assembly]::GetEntryAssembly().Location) }
    $arguments.AddRange([string[]]@('-NoProfile', '-NonInteractive', '-Command', $Command))
    $root = (& id -u) -eq '0'
    if ($root) {
        if (-not (Get-Command setpriv -CommandType Application -ErrorAction SilentlyContinue)) { return $null }
        $arguments.InsertRange(0, [string[]]@('--bounding-set', '-dac_override,-dac_read_search,-fowner', $executable))
        $executable = (Get-Command setpriv -CommandType Application)[0].Source
    }
    & $executable $arguments
}

function Install-TestSshServer {
    # Makes sure there is an sshd for Start-TestSshServer: remote sweeps are the module's way out to other machines,
    # and CI runs the suite as root on a clean Debian machine, so as root on Debian or Ubuntu a missing sshd is
    # installed (openssh-server, with the ssh client it needs). Returns why there is still none, or $null.
    if (Test-Path /usr/sbin/sshd) { return $null }
    $missing = 'no /usr/sbin/sshd on this machine (openssh-server)'
    $release = if (Test-Path /etc/os-release) { Get-Content -Raw /etc/os-release } else { '' }
    if ($release -notmatch '(?m)^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b') { return "$missing; the tests install it on Debian and Ubuntu only" }
    if ((& id -u) -ne '0') { return "$missing; the tests install it when run as root (apt-get install openssh-server)" }
    # On a machine booted with systemd the package would start the system's SSH service on port 22: it is masked
    # first, so only the tests' private sshd ever runs (`systemctl unmask ssh` undoes it).
    if (Test-Path /run/systemd/system) { & systemctl mask ssh.service ssh.socket 2>&1 | Out-Null }
    $install = { & env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=120 openssh-server 2>&1 }
    $log = & $install
    # A clean machine may have no package lists yet.
    if ($LASTEXITCODE -ne 0) { $log = & apt-get update 2>&1; if ($LASTEXITCODE -eq 0) { $log = & $install } }
    if (-not (Test-Path /usr/sbin/sshd)) { return "$missing, and apt-get could not install it: $(($log | Select-Object -Last 3) -join ' ')" }
    Write-Host 'Installed openssh-server (apt-get) for the SSH remoting tests; they run a private sshd on localhost.'
    $null
}

function Start-TestSshServer {
    # A private sshd on a free localhost port, with keys made in $Directory and PowerShell as its SSH
    # subsystem, and $SessionCount PSSessions to it. Returns { Why; Process; Sessions }: Why says why there
    # is no server (no sshd and none installed, no client, sshd would not start) and is $null when the sessions
    # are open.
    param([string] $Directory, [int] $SessionCount = 1)
    $server = [pscustomobject]@{ Why = $null; Process = $null; Sessions = @() }
    $server.Why = Install-TestSshServer
    if ($server.Why) { return $server }
    $ssh = Get-Command ssh, ssh-keygen -CommandType Application -ErrorAction SilentlyContinue
    if (@($ssh).Count -lt 2) { $server.Why = 'no ssh client (ssh, ssh-keygen) on this machine'; return $server }
    if (-not (Test-Path /run/sshd)) { $null = New-Item -ItemType Directory /run/sshd -ErrorAction SilentlyContinue } # sshd's privilege-separation directory
    $null = New-Item -ItemType Directory $Directory -Force
    foreach ($key in 'host_key', 'user_key') { & ssh-keygen -q -t ed25519 -N '' -f (Join-Path $Directory $key) | Out-Null }
    Copy-Item (Join-Path $Directory 'user_key.pub') (Join-Path $Directory 'authorized_keys')
    # The dotnet-tool pwsh is a DLL: the subsystem is a script that runs it with dotnet, seeing the built module.
    $pwshDll = Join-Path ([IO.Path]::GetDirectoryName([psobject].Assembly.Location)) 'pwsh.dll'
    $dotnet = (Get-Process -Id $PID).Path
    $modules = ($env:PSModulePath -split [IO.Path]::PathSeparator)[0]
    $subsystem = Join-Path $Directory 'pwsh-sshs.sh'
    Set-Content $subsystem "#!/bin/sh`nexport PSModulePath='$modules'`nexec '$dotnet' '$pwshDll' -sshs -NoLogo -NoProfile`n"
    & chmod 700 $subsystem
    $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0); $listener.Start()
    $port = $listener.LocalEndpoint.Port; $listener.Stop()
    $config = Join-Path $Directory 'sshd_config'
    Set-Content $config @"
Port $port
ListenAddress 127.0.0.1
HostKey $Directory/host_key
PidFile $Directory/sshd.pid
AuthorizedKeysFile $Directory/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
PermitRootLogin yes
StrictModes no
UsePAM no
Subsystem powershell $subsystem
"@
    $server.Process = Start-Process /usr/sbin/sshd -ArgumentList '-D', '-e', '-f', $config -PassThru -RedirectStandardError (Join-Path $Directory 'sshd.log')
    $up = $false
    for ($k = 0; $k -lt 50 -and -not $up -and -not $server.Process.HasExited; $k++) {
        try { [Net.Sockets.TcpClient]::new('127.0.0.1', $port).Dispose(); $up = $true } catch { Start-Sleep -Milliseconds 100 }
    }
    if (-not $up) { $server.Why = "sshd did not start: $(Get-Content -Raw (Join-Path $Directory 'sshd.log'))"; return $server }
    $options = @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR' }
    try {
        $server.Sessions = @(1..$SessionCount | ForEach-Object {
            New-PSSession -HostName localhost -Port $port -UserName ([Environment]::UserName) -KeyFilePath (Join-Path $Directory 'user_key') -Options $options -ErrorAction Stop
        })
    } catch { $server.Why = "no PowerShell session over SSH: $_" }
    $server
}

function Stop-TestSshServer {
    # Closes the sessions and stops the sshd that Start-TestSshServer started.
    param($Server)
    if (-not $Server) { return }
    $Server.Sessions | Remove-PSSession -ErrorAction SilentlyContinue
    if ($Server.Process -and -not $Server.Process.HasExited) { Stop-Process -Id $Server.Process.Id -ErrorAction SilentlyContinue }
}

Export-ModuleMember -Function Assert-Close, ConvertTo-BitPattern, Get-ErrorRecord, Invoke-AsOrdinaryUser, Invoke-DeepRun, Invoke-GuardedPwsh, Invoke-FreshPwsh, New-ImageSet, Start-TestSshServer, Stop-TestSshServer
