# Invoke-BackpropSweep: a grid of settings run in parallel (or over SSH sessions), each run as it would train alone.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:x = @(0, 0), @(0, 1), @(1, 0), @(1, 1)
    $script:net = New-BackpropNetwork 2, 3, 1 -Activation Tanh, Sigmoid -Seed 3
    $script:fixed = @{ Input = $x; Target = 0, 1, 1, 0; Epochs = 4; BatchSize = 2; Shuffle = $true }
    $script:grid = @{ Optimizer = 'Sgd', 'Adam'; LearningRate = 0.1, 0.5; Seed = 1, 2 }
    $script:rows = Invoke-BackpropSweep -Network $net -Grid $grid -Parameters $fixed -ThrottleLimit 2
}

Describe 'A sweep' {
    It 'runs the cartesian product in grid order, the first column varying slowest' {
        $rows.Count | Should -Be 32
        $runs = $rows | Group-Object Run
        $runs.Count | Should -Be 8
        ($runs | ForEach-Object { $g = $_.Group[0]; "$($g.Optimizer)/$($g.LearningRate)/$($g.Seed)" }) -join ' ' |
            Should -Be 'Sgd/0.1/1 Sgd/0.1/2 Sgd/0.5/1 Sgd/0.5/2 Adam/0.1/1 Adam/0.1/2 Adam/0.5/1 Adam/0.5/2'
        ($rows[0].PSObject.Properties.Name -join ',') |
            Should -Be 'Run,Optimizer,LearningRate,Seed,Epoch,Loss,ValidationLoss,Accuracy,ValidationAccuracy,GradientNorm,Network'
    }

    It 'gives every run the rows it gives alone, bit for bit' {
        foreach ($run in $rows | Group-Object Run) {
            $first = $run.Group[0]
            $alone = Invoke-BackpropTraining -Network $net @fixed -Optimizer $first.Optimizer -LearningRate $first.LearningRate -Seed $first.Seed
            ($run.Group.Loss | ForEach-Object { $_.ToString('R') }) -join ' ' | Should -Be (($alone.Loss | ForEach-Object { $_.ToString('R') }) -join ' ')
            $weights = { param($n) ($n.Layers | ForEach-Object { $_.Weights } | ForEach-Object { $_.ToString('R') }) -join ' ' }
            & $weights $run.Group[-1].Network | Should -Be (& $weights $alone[-1].Network)
        }
    }

    It 'gives the same rows one run at a time' {
        $serial = Invoke-BackpropSweep -Network $net -Grid $grid -Parameters $fixed -ThrottleLimit 1
        ($serial.Loss | ForEach-Object { $_.ToString('R') }) -join ' ' | Should -Be (($rows.Loss | ForEach-Object { $_.ToString('R') }) -join ' ')
    }

    It 'reports a failing run as a non-terminating error naming its settings, and finishes the others' {
        $got = Invoke-BackpropSweep -Network $net -Grid ([ordered]@{ LearningRate = 0.1, -1, 0.5 }) -Parameters $fixed -ErrorVariable failed -ErrorAction SilentlyContinue
        ($got | Group-Object Run).Name -join ',' | Should -Be '1,3'
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'InvalidLearningRate,BackpropPS.Commands.InvokeBackpropSweepCommand'
        $failed[0].ToString() | Should -BeLike 'Run 2 (LearningRate = -1): *'
        $failed[0].TargetObject.LearningRate | Should -Be -1
    }

    It 'refuses a grid key that is not a training parameter before any run' {
        { Invoke-BackpropSweep -Network $net -Grid @{ Optimiser = 'Adam' } -Parameters $fixed } |
            Should -Throw -ErrorId 'UnknownSweepParameter,BackpropPS.Commands.InvokeBackpropSweepCommand'
        { Invoke-BackpropSweep -Network $net -Grid @{ Epochs = 1, 2 } -Parameters $fixed } |
            Should -Throw -ErrorId 'SweepParameterConflict,BackpropPS.Commands.InvokeBackpropSweepCommand'
        { Invoke-BackpropSweep -Network $net -Grid @{ Seed = @() } -Parameters $fixed } |
            Should -Throw -ErrorId 'EmptyGridValues,BackpropPS.Commands.InvokeBackpropSweepCommand'
    }

    It 'knows every parameter of Invoke-BackpropTraining a run can take, and no other (its written-out list)' {
        $e = Get-ErrorRecord { Invoke-BackpropSweep -Network $net -Grid @{ Optimiser = 'Adam' } } 'UnknownSweepParameter'
        $known = ($e.Exception.Message -split 'Expected one of: ')[1].TrimEnd('.') -split ', '
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        $training = (Get-Command Invoke-BackpropTraining).Parameters.Keys | Where-Object { $_ -notin $common -and $_ -notin 'Network', 'InputObject' }
        ($known | Sort-Object) | Should -Be ($training | Sort-Object)
    }

    It 'orders the columns of a plain hashtable grid as training lists its parameters, whatever the process' {
        $got = Invoke-BackpropSweep -Network $net -Grid @{ Seed = 1; Optimizer = 'Sgd'; LearningRate = 0.1; BatchSize = 4 } -Parameters @{ Input = $x; Target = 0, 1, 1, 0; Epochs = 1 }
        ($got[0].PSObject.Properties.Name -join ',') | Should -BeLike 'Run,Optimizer,LearningRate,BatchSize,Seed,Epoch,*'
    }
}

Describe 'A sweep over the loss function' {
    It 'names the loss function LossFunction, so that each row keeps its epoch''s Loss' {
        $got = Invoke-BackpropSweep -Network $net -Grid @{ Loss = 'HalfSquaredError', 'BinaryCrossEntropy' } -Parameters @{ Input = $x; Target = 0, 1, 1, 0; Epochs = 2 }
        ($got[0].PSObject.Properties.Name -join ',') | Should -BeLike 'Run,LossFunction,Epoch,Loss,*'
        $got.LossFunction | Select-Object -Unique | Should -Be 'HalfSquaredError', 'BinaryCrossEntropy'
        $got.Loss | ForEach-Object { $_ | Should -BeOfType [double] }
    }
}

Describe 'A sweep checks its grid in the module''s words, before any run' {
    It 'refuses <Case> with <ErrorId>' -ForEach @(
        @{ Case = 'an optimizer that does not exist'; Grid = @{ Optimizer = 'Sgd', 'Adamm' }; ErrorId = 'InvalidSweepValue'; Text = "-Grid's 'Optimizer' holds 'Adamm', which is not one of Sgd, Momentum, Adam." }
        @{ Case = 'a loss given as a number'; Grid = @{ Loss = 3 }; ErrorId = 'InvalidSweepValue'; Text = "-Grid's 'Loss' holds 3, which is not one of *" }
        @{ Case = 'a fraction of an epoch'; Grid = @{ Epochs = 2.5 }; ErrorId = 'InvalidSweepValue'; Text = "-Grid's 'Epochs' holds 2.5: Expected a whole number, without a fraction; got 2.5." }
        @{ Case = 'a learning rate in another culture'; Grid = @{ LearningRate = '0,5' }; ErrorId = 'InvalidSweepValue'; Text = "-Grid's 'LearningRate' holds '0,5': Expected a number; got '0,5'. Numbers are read with '.'*" }
        @{ Case = 'a switch given text'; Grid = @{ Shuffle = 'yes' }; ErrorId = 'InvalidSweepValue'; Text = "-Grid's 'Shuffle' holds 'yes'; a switch takes `$true or `$false." }
        @{ Case = 'one parameter under two spellings'; Grid = [System.Collections.Hashtable]::new([StringComparer]::Ordinal); ErrorId = 'DuplicateSweepParameter'; Text = '-Grid names LearningRate twice*' }
        @{ Case = 'more runs than a sweep can make'; Grid = [ordered]@{ Seed = 1..100000; Patience = 1..100000 }; ErrorId = 'TooManySweepRuns'; Text = '-Grid has more than 1,000,000,000 combinations, the most a sweep runs (100000 x 100000). Give fewer values.' }
        @{ Case = 'a bad value in -Parameters'; Grid = @{ Seed = 1 }; Shared = @{ Optimizer = 'Adamm' }; ErrorId = 'InvalidSweepValue'; Text = "-Parameters's 'Optimizer' holds 'Adamm'*" }
    ) {
        if ($ErrorId -eq 'DuplicateSweepParameter') { $Grid['LearningRate'] = 0.1; $Grid['learningrate'] = 0.5 }
        $parameters = if ($Shared) { $Shared } else { @{ Input = $x; Target = 0, 1, 1, 0 } }
        $category = if ($ErrorId -eq 'TooManySweepRuns') { 'LimitsExceeded' } else { 'InvalidArgument' }
        $e = Get-ErrorRecord { Invoke-BackpropSweep -Network $net -Grid $Grid -Parameters $parameters } $ErrorId $category
        $e.Exception.Message | Should -BeLike $Text
        $e.Exception.Message | Should -Not -BeLike '*BackpropPS.Core*'
    }
}

Describe 'A sweep streams' {
    BeforeAll {
        # A guard against a sweep that buffers: it would take hours here, so waiting a few minutes cannot pass by luck.
        function script:Invoke-Guarded([scriptblock] $Script) {
            $ps = [powershell]::Create().AddCommand('Import-Module').AddParameter('Name', 'BackpropPS').AddStatement().AddScript($Script)
            $async = $ps.BeginInvoke()
            $done = $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromMinutes(3))
            if (-not $done) { $ps.Stop() }
            [pscustomobject]@{ Done = $done; Output = if ($done) { @($ps.EndInvoke($async)) } else { @() } }
        }
    }

    It 'writes the rows of a run as they are made: the first rows of a run of 50 million epochs come at once' {
        $got = Invoke-Guarded {
            $net = New-BackpropNetwork 2, 3, 1 -Activation Tanh, Sigmoid -Seed 3
            Invoke-BackpropSweep -Network $net -Grid @{ Seed = 1 } -Parameters @{ Input = @(0, 0), @(0, 1); Target = 0, 1; Epochs = 50000000 } |
                Select-Object -First 3
        }
        $got.Done | Should -BeTrue
        $got.Output.Epoch | Should -Be 1, 2, 3
    }

    It 'makes the runs of its grid one at a time: the first row of 10 million runs comes at once' {
        $got = Invoke-Guarded {
            $net = New-BackpropNetwork 2, 3, 1 -Activation Tanh, Sigmoid -Seed 3
            Invoke-BackpropSweep -Network $net -Grid ([ordered]@{ Seed = 1..10000; Patience = 0..999 }) -Parameters @{ Input = @(0, 0), @(0, 1); Target = 0, 1; Epochs = 2 } |
                Select-Object -First 1
        }
        $got.Done | Should -BeTrue
        $got.Output[0].Run | Should -Be 1
        $got.Output[0].Seed | Should -Be 1
        $got.Output[0].Patience | Should -Be 0
    }
}

Describe 'A sweep stopped as Ctrl+C stops it' {
    It 'stops every run, starts no more, and keeps the rows emitted before, in grid order' {
        # Ctrl+C is PowerShell stopping the pipeline: PowerShell.Stop() on the sweep's own runspace is the same call.
        $long = @{ Input = $x; Target = 0, 1, 1, 0; Epochs = 8000; BatchSize = 0; LearningRate = 0.1 }
        $ps = [powershell]::Create().AddCommand('Import-Module').AddParameter('Name', 'BackpropPS').AddStatement().
            AddCommand('Invoke-BackpropSweep').AddParameters(@{ Network = $net; Grid = @{ Seed = 1..20 }; Parameters = $long; ThrottleLimit = 2 })
        $noInput = [System.Management.Automation.PSDataCollection[psobject]]::new(); $noInput.Complete()
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $async = $ps.BeginInvoke($noInput, $output)
        # Wait (at most a minute, so a broken sweep cannot hang the suite) for the first finished run's rows.
        for ($k = 0; $k -lt 600 -and $output.Count -lt 8000 -and -not $async.IsCompleted; $k++) { Start-Sleep -Milliseconds 100 }
        $ps.Stop()
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        $kept = @($output.ReadAll())
        $kept.Count | Should -BeGreaterOrEqual 8000
        $kept.Count | Should -BeLessThan (20 * 8000)
        # What was emitted stays, in grid order: run 1 whole, then the start of the next runs, epochs in order.
        ($kept | Where-Object Run -EQ 1).Count | Should -Be 8000
        $previous = $null
        foreach ($row in $kept) {
            if ($previous -and $row.Run -eq $previous.Run) { $row.Epoch | Should -Be ($previous.Epoch + 1) }
            elseif ($previous) { $row.Run | Should -Be ($previous.Run + 1); $row.Epoch | Should -Be 1 }
            $previous = $row
        }
        $ps.Dispose()
    }
}

Describe 'A sweep over remote sessions' {
    BeforeAll {
        $script:server = Start-TestSshServer -Directory (Join-Path $TestDrive 'ssh') -SessionCount 2
        $script:why = $server.Why
        $script:sessions = $server.Sessions
    }

    AfterAll { Stop-TestSshServer $server }

    It 'gives the rows of the local sweep, bit for bit, through two SSH sessions' {
        if ($why) { Set-ItResult -Skipped -Because $why; return }
        $small = @{ Optimizer = 'Sgd', 'Adam'; Seed = 1, 2 }
        $local = Invoke-BackpropSweep -Network $net -Grid $small -Parameters $fixed
        $remote = Invoke-BackpropSweep -Network $net -Grid $small -Parameters $fixed -Session $sessions
        $remote.Count | Should -Be 16
        $show = { param($rows) ($rows | ForEach-Object { '{0}/{1}/{2}/{3}/{4}' -f $_.Run, $_.Optimizer, $_.Seed, $_.Epoch, $_.Loss.ToString('R') }) -join ' ' }
        & $show $remote | Should -Be (& $show $local)
        $remote[-1].Network.GetType().FullName | Should -Be 'BackpropPS.Core.Network'
        $remote[-1].Network.Layers[0].Weights[0].ToString('R') | Should -Be $local[-1].Network.Layers[0].Weights[0].ToString('R')
    }
}
