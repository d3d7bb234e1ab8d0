# Export-BackpropNetwork: the JSON file format, bit-exact round trips, the Export-* file rules, and files written completely or not at all.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:net = New-BackpropNetwork -Example StepByStep
}

# First in the file: it checks that the test drive holds no file at all, and Pester's clean-up after a block leaves
# files with brackets in their names (such as net[1].json of the next Describe).
Describe 'A network with a non-finite parameter' {
    It 'is not written: NonFiniteParameter, and no file' {
        # Only the core's own snapshots can hold such a value (the public constructors refuse it), so build one the same way.
        $seed = New-BackpropNetwork -Example StepByStep
        $wrap = [BackpropPS.Core.Layer].GetMethod('Wrap', [Reflection.BindingFlags]'NonPublic, Static')
        $broken = $wrap.Invoke($null, @($seed.Layers[1], [double[]](0.4, [double]::PositiveInfinity, 0.5, 0.55), [double[]]@(0.6)))
        $net = [BackpropPS.Core.Network]::new([BackpropPS.Core.Layer[]]@($seed.Layers[0], $broken), $null)
        $path = Join-Path $TestDrive 'infinite.json'
        $e = Get-ErrorRecord { $net | Export-BackpropNetwork -Path $path } 'NonFiniteParameter' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*layers`[1`].weights`[0`]`[1`]*Infinity*'
        Test-Path $path | Should -BeFalse
        Get-ChildItem $TestDrive | Should -BeNullOrEmpty -Because 'no temporary file is left behind'
    }
}

Describe 'The network file' {
    It 'is the format DESIGN.md describes' {
        $path = Join-Path $TestDrive 'seed.json'
        $net | Export-BackpropNetwork -Path $path
        $json = Get-Content -Raw $path | ConvertFrom-Json
        $json.format | Should -Be 'BackpropPS.Network'
        $json.version | Should -Be 1
        $json.layers[0].activation | Should -Be 'Sigmoid'
        $json.layers[0].bias | Should -Be 0.35
        $json.layers[0].weights[0] | Should -Be 0.15, 0.2
        $json.layers[1].weights[1] | Should -Be 0.5, 0.55
    }

    It 'brings back every parameter bit for bit, in every bias mode' {
        $path = Join-Path $TestDrive 'random.json'
        $original = New-BackpropNetwork 5, 7, 4, 3 -Activation LeakyReLU, Tanh, Softmax -Seed 42
        $original | Export-BackpropNetwork -Path $path
        $back = Import-BackpropNetwork -Path $path
        $a = $original | Get-BackpropParameter
        $b = $back | Get-BackpropParameter
        $b.Name | Should -Be $a.Name
        for ($i = 0; $i -lt $a.Count; $i++) {
            [BitConverter]::DoubleToInt64Bits($b[$i].Value) | Should -Be ([BitConverter]::DoubleToInt64Bits($a[$i].Value))
        }
        $back.Layers.Activation | Should -Be 'LeakyReLU', 'Tanh', 'Softmax'
        foreach ($mode in 'PerNeuron', 'Shared', 'None') {
            $m = New-BackpropNetwork 2, 2 -BiasMode $mode -Seed 1
            $m | Export-BackpropNetwork -Path (Join-Path $TestDrive "$mode.json")
            (Import-BackpropNetwork -Path (Join-Path $TestDrive "$mode.json")).Layers[0].BiasMode | Should -Be $mode
        }
    }

    It 'is replaced as Export-Csv replaces a file, and kept with -NoClobber (alias -NoOverwrite)' {
        $path = Join-Path $TestDrive 'keep.json'
        Set-Content -LiteralPath $path -Value 'precious'
        $e = Get-ErrorRecord { $net | Export-BackpropNetwork -Path $path -NoClobber } 'NetworkFileExists' 'ResourceExists'
        $e.Exception.Message | Should -Be "The file '$path' already exists. -NoClobber keeps it; leave -NoClobber out to replace it."
        Get-ErrorRecord { $net | Export-BackpropNetwork -Path $path -NoOverwrite } 'NetworkFileExists' 'ResourceExists' | Out-Null
        Get-Content -LiteralPath $path | Should -Be 'precious'
        $net | Export-BackpropNetwork -Path $path
        (Import-BackpropNetwork -Path $path).Shape | Should -Be '2-2-2'
    }

    It 'replaces a read-only file only with -Force, and it stays read-only' {
        $path = Join-Path $TestDrive 'readonly.json'
        Set-Content -LiteralPath $path -Value 'precious'
        Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $true
        $e = Get-ErrorRecord { $net | Export-BackpropNetwork -Path $path } 'NetworkFileReadOnly' 'PermissionDenied'
        $e.Exception.Message | Should -Be "The file '$path' is read-only. Use -Force to replace it; it stays read-only."
        Get-Content -LiteralPath $path | Should -Be 'precious'
        $net | Export-BackpropNetwork -Path $path -Force
        (Import-BackpropNetwork -Path $path).Shape | Should -Be '2-2-2'
        (Get-Item -LiteralPath $path).IsReadOnly | Should -BeTrue
    }

    It 'is not written with -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.json'
        $net | Export-BackpropNetwork -Path $path -WhatIf
        Test-Path $path | Should -BeFalse
    }

    It 'leaves nothing behind when its folder does not exist' {
        $path = Join-Path $TestDrive 'no/such/folder/net.json'
        Get-ErrorRecord { $net | Export-BackpropNetwork -Path $path } 'DirectoryNotFound' 'ObjectNotFound'
        Test-Path (Join-Path $TestDrive 'no') | Should -BeFalse
    }

    It 'leaves no temporary file beside it' {
        $dir = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'clean')
        $net | Export-BackpropNetwork -Path (Join-Path $dir 'net.json')
        $net | Export-BackpropNetwork -Path (Join-Path $dir 'net.json') -Force
        (Get-ChildItem -Force $dir).Name | Should -Be 'net.json'
    }

    It 'holds one network: a second piped to the same file is an error' {
        $path = Join-Path $TestDrive 'one.json'
        Get-ErrorRecord { $net, $net | Export-BackpropNetwork -Path $path } 'MultipleNetworksForOneFile' 'InvalidOperation'
    }

    It 'returns the file with -PassThru' {
        $file = $net | Export-BackpropNetwork -Path (Join-Path $TestDrive 'pass.json') -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        $file.Length | Should -BeGreaterThan 0
    }

    It 'resolves relative paths against the current location' {
        Push-Location $TestDrive
        try {
            $net | Export-BackpropNetwork -Path ./relative.json
            Test-Path (Join-Path $TestDrive 'relative.json') | Should -BeTrue
            (Import-BackpropNetwork ./relative.json).Shape | Should -Be '2-2-2'
        }
        finally { Pop-Location }
    }

    It 'takes -LiteralPath as typed, brackets and all' {
        $path = Join-Path $TestDrive 'net[1].json'
        $net | Export-BackpropNetwork -LiteralPath $path
        (Import-BackpropNetwork -LiteralPath $path).Shape | Should -Be '2-2-2'
    }
}

Describe 'Writing files safely' {
    It 'lets exactly one of several -NoClobber writers racing to one new path win; the others get NetworkFileExists' {
        # Four runspaces export different networks to one new file at once: each says it is ready, then all
        # wait at one gate, so that every check for an existing file comes before any file is there.
        $nets = foreach ($seed in 1..4) { New-BackpropNetwork 60, 60, 60 -Seed $seed }
        $pool = [runspacefactory]::CreateRunspacePool(4, 4)
        $pool.Open()
        try {
            # Many rounds: a check-then-move lets two writers win only now and then (2 rounds in 40 here).
            foreach ($round in 1..30) {
                $path = Join-Path $TestDrive "race$round.json"
                $ready = [System.Threading.CountdownEvent]::new($nets.Count)
                $gate = [System.Threading.ManualResetEventSlim]::new($false)
                $jobs = foreach ($n in $nets) {
                    $ps = [powershell]::Create()
                    $ps.RunspacePool = $pool
                    $null = $ps.AddScript({
                            param($Network, $Path, $Ready, $Gate)
                            Import-Module BackpropPS
                            $null = $Ready.Signal()
                            $null = $Gate.Wait(30000)
                            try { $Network | Export-BackpropNetwork -Path $Path -NoClobber -ErrorAction Stop; 'written' }
                            catch { $_.FullyQualifiedErrorId }
                        }).AddArgument($n).AddArgument($path).AddArgument($ready).AddArgument($gate)
                    [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
                }
                $ready.Wait(60000) | Should -BeTrue
                $gate.Set()
                $outcomes = foreach ($job in $jobs) { $job.PowerShell.EndInvoke($job.Handle); $job.PowerShell.Dispose() }
                @($outcomes | Where-Object { $_ -eq 'written' }).Count | Should -Be 1 -Because "round $round`: $outcomes"
                @($outcomes | Where-Object { $_ -like 'NetworkFileExists,*' }).Count | Should -Be 3 -Because "round $round`: $outcomes"
                # The file is the winner's network, whole: it reads back and is the very text the winner writes.
                $winner = $nets[[array]::IndexOf([object[]]$outcomes, 'written')]
                (Import-BackpropNetwork -LiteralPath $path).Shape | Should -Be '60-60-60'
                $winner | Export-BackpropNetwork -LiteralPath (Join-Path $TestDrive 'winner.json') -Force
                Get-Content -Raw -LiteralPath $path | Should -BeExactly (Get-Content -Raw -LiteralPath (Join-Path $TestDrive 'winner.json'))
            }
        }
        finally { $pool.Dispose() }
        Get-ChildItem -Force $TestDrive -Filter '*.tmp' | Should -BeNullOrEmpty
    }

    It 'cleans up temporary files a killed writer left, and only stale ones of its own naming' {
        $dir = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'stale')
        $old = (Get-Date).AddHours(-1)
        $stale = Join-Path $dir '.backprop-0123456789ab.tmp'
        $staleOldNaming = Join-Path $dir ('.net.json.' + ('ab' * 16) + '.tmp')
        $fresh = Join-Path $dir '.backprop-ba9876543210.tmp' # a writer still at work
        $foreign = Join-Path $dir '.someone-else.tmp'
        foreach ($file in $stale, $staleOldNaming, $fresh, $foreign) { Set-Content -LiteralPath $file -Value 'partial' }
        foreach ($file in $stale, $staleOldNaming, $foreign) { (Get-Item -LiteralPath $file -Force).LastWriteTime = $old }
        $net | Export-BackpropNetwork -Path (Join-Path $dir 'net.json')
        Test-Path -LiteralPath $stale | Should -BeFalse
        Test-Path -LiteralPath $staleOldNaming | Should -BeFalse
        Test-Path -LiteralPath $fresh | Should -BeTrue
        Test-Path -LiteralPath $foreign | Should -BeTrue
    }

    It 'writes and replaces a file with a 240-character name' {
        $path = Join-Path $TestDrive (('n' * 235) + '.json')
        $net | Export-BackpropNetwork -LiteralPath $path
        $net | Export-BackpropNetwork -LiteralPath $path -Force
        (Import-BackpropNetwork -LiteralPath $path).Shape | Should -Be '2-2-2'
    }
}

Describe 'Replacing a file keeps what the user set up' {
    It 'keeps the permissions of the file it replaces (0600 stays 0600)' -Skip:$IsWindows {
        $path = Join-Path $TestDrive 'private.json'
        $net | Export-BackpropNetwork -Path $path
        [IO.File]::SetUnixFileMode($path, [IO.UnixFileMode]'UserRead, UserWrite')
        $net | Export-BackpropNetwork -Path $path -Force
        [IO.File]::GetUnixFileMode($path) | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite')
    }

    It 'writes through a symbolic link to its target, and the link stays a link, as Set-Content does' -Skip:$IsWindows {
        $target = Join-Path $TestDrive 'real.json'
        $link = Join-Path $TestDrive 'link.json'
        'old' | Set-Content -LiteralPath $target
        New-Item -ItemType SymbolicLink -Path $link -Target $target | Out-Null
        $net | Export-BackpropNetwork -Path $link -Force
        (Get-Item -LiteralPath $link).LinkType | Should -Be 'SymbolicLink'
        (Import-BackpropNetwork -LiteralPath $target).Shape | Should -Be '2-2-2'
        @(Get-ChildItem -LiteralPath $TestDrive -Filter '*.tmp' -Force).Count | Should -Be 0
    }
}

Describe 'Folders the user may not write to or enter' {
    BeforeAll {
        # Run where permissions apply (see Invoke-AsOrdinaryUser); each line of output is ErrorId|Category|Message.
        $script:folder = Join-Path $TestDrive 'permissions'
        New-Item -ItemType Directory -Path (Join-Path $folder 'readonly'), (Join-Path $folder 'locked/inside') -Force | Out-Null
        $net | Export-BackpropNetwork -Path (Join-Path $folder 'locked/inside/net.json')
        chmod 555 (Join-Path $folder 'readonly')
        chmod 000 (Join-Path $folder 'locked')
        $module = (Get-Module BackpropPS).ModuleBase
        function script:Get-Refusal([string] $Command) {
            Invoke-AsOrdinaryUser "Import-Module '$module'; try { $Command -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId.Split(',')[0] + '|' + `$_.CategoryInfo.Category + '|' + `$_.Exception.Message }"
        }
    }

    AfterAll {
        chmod 755 (Join-Path $folder 'readonly') (Join-Path $folder 'locked')
    }

    It 'says a read-only folder cannot take the file, naming the file and the folder, not a temporary file' -Skip:$IsWindows {
        $got = Get-Refusal "New-BackpropNetwork -Example StepByStep | Export-BackpropNetwork -Path '$folder/readonly/net.json'"
        if ($null -eq $got) { Set-ItResult -Skipped -Because 'permissions cannot apply here (root without setpriv)'; return }
        $id, $category, $message = $got -split '\|', 3
        $id | Should -Be 'NetworkFileWriteFailed'
        $category | Should -Be 'PermissionDenied'
        $message | Should -Be "Could not write '$folder/readonly/net.json': the folder '$folder/readonly' does not let you create files in it."
        Test-Path (Join-Path $folder 'readonly/net.json') | Should -BeFalse
    }

    It 'says a folder it may not enter is not open to it, rather than missing, when writing and when reading' -Skip:$IsWindows {
        $write = Get-Refusal "New-BackpropNetwork -Example StepByStep | Export-BackpropNetwork -Path '$folder/locked/inside/other.json'"
        if ($null -eq $write) { Set-ItResult -Skipped -Because 'permissions cannot apply here (root without setpriv)'; return }
        $write | Should -BeLike 'AccessDenied|PermissionDenied|You may not look into a folder on the way to *inside*'
        Get-Refusal "Import-BackpropNetwork -LiteralPath '$folder/locked/inside/net.json'" | Should -BeLike 'AccessDenied|PermissionDenied|You may not look into a folder on the way to *net.json*'
        Get-Refusal "Import-BackpropNetwork -Path '$folder/locked/inside/net.json'" | Should -BeLike 'AccessDenied|PermissionDenied|*'
        Get-Refusal "Import-BackpropNetwork -LiteralPath '$folder/readonly/none.json'" | Should -BeLike 'NetworkFileNotFound|ObjectNotFound|*'
    }
}
