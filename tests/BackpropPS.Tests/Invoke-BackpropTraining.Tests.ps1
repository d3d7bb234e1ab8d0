# Invoke-BackpropTraining as a user scripts an experiment: data in, epochs out, reproducible from a seed.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:irisPath = Join-Path (Get-Module BackpropPS).ModuleBase 'data/iris.csv'
    $script:irisColumns = 'sepal_length', 'sepal_width', 'petal_length', 'petal_width'
}

Describe 'Learning' {
    It 'learns XOR to a loss under 0.01' {
        $net = New-BackpropNetwork 2, 4, 1 -Activation Tanh, Sigmoid -Seed 1
        $run = Get-BackpropDataset Xor | Invoke-BackpropTraining -Network $net -TargetColumn label -Optimizer Adam -LearningRate 0.05 -Epochs 500 -BatchSize 4
        $run.Count | Should -Be 500
        $run[-1].Loss | Should -BeLessThan 0.01
        $run[-1].Accuracy | Should -Be 1
    }

    It 'classifies Iris from Import-Csv with at least 95% validation accuracy' {
        $net = New-BackpropNetwork -LayerSize 4, 8, 3 -Activation Tanh, Softmax -Seed 3
        $run = Import-Csv $irisPath |
            Invoke-BackpropTraining -Network $net -InputColumn $irisColumns -TargetColumn species -Loss CrossEntropy `
                -Optimizer Adam -LearningRate 0.01 -Epochs 300 -BatchSize 16 -ValidationFraction 0.2 -Seed 3 -Standardize
        $run[-1].ValidationAccuracy | Should -BeGreaterOrEqual 0.95
        $run[-1].Network.Schema.ClassLabels | Should -Be 'setosa', 'versicolor', 'virginica'
    }

    It 'learns the spiral with two hidden layers of 16 to at least 95% training accuracy' {
        $net = New-BackpropNetwork 2, 16, 16, 1 -Activation ReLU, ReLU, Sigmoid -Seed 1
        $run = Get-BackpropDataset Spiral -Count 200 -Seed 1 |
            Invoke-BackpropTraining -Network $net -TargetColumn label -Loss BinaryCrossEntropy -Optimizer Adam -LearningRate 0.01 -Epochs 300 -BatchSize 16 -Shuffle -Seed 1
        $run[-1].Accuracy | Should -BeGreaterOrEqual 0.95
    }

    It 'trains on numeric batches with momentum and weight decay' {
        $net = New-BackpropNetwork 2, 4, 1 -Activation Tanh, Sigmoid -Seed 2
        $run = Invoke-BackpropTraining -Network $net -Input @(0, 0), @(0, 1), @(1, 0), @(1, 1) -Target 0, 1, 1, 0 `
            -Optimizer Momentum -Nesterov -LearningRate 0.5 -WeightDecay 1e-4 -Epochs 300 -BatchSize 0
        $run[-1].Loss | Should -BeLessThan $run[0].Loss
    }
}

Describe 'Epoch rows' {
    BeforeAll {
        $net = New-BackpropNetwork 2, 4, 1 -Activation Tanh, Sigmoid -Seed 1
        $script:run = Get-BackpropDataset Moons -Count 40 -Noise 0.1 -Seed 2 |
            Invoke-BackpropTraining -Network $net -TargetColumn label -Epochs 5 -BatchSize 8 -LearningRate 0.5 -ValidationFraction 0.25 -Seed 2
    }

    It 'carry every field of the issue' {
        foreach ($name in 'Epoch', 'Loss', 'ValidationLoss', 'Accuracy', 'ValidationAccuracy', 'LearningRate', 'GradientNorm', 'Elapsed', 'Network') {
            $run[0].PSObject.Properties.Name | Should -Contain $name
        }
        $run.Epoch | Should -Be 1, 2, 3, 4, 5
        $run[0].LearningRate | Should -Be 0.5
        $run[0].Network | Should -BeOfType BackpropPS.Core.Network
        $run[-1].Elapsed | Should -BeGreaterThan $run[0].Elapsed
    }

    It 'go to Export-Csv as flat rows and come back' {
        $path = Join-Path $TestDrive 'history.csv'
        $run | Select-Object Epoch, Loss, ValidationLoss, Accuracy, ValidationAccuracy | Export-Csv -LiteralPath $path
        $back = Import-Csv -LiteralPath $path
        $back.Count | Should -Be 5
        [double]::Parse($back[2].Loss, [cultureinfo]::InvariantCulture) | Should -Be $run[2].Loss
    }

    It 'leave the starting network unchanged' {
        $start = New-BackpropNetwork 2, 4, 1 -Activation Tanh, Sigmoid -Seed 1
        $before = ($start | Get-BackpropParameter).Value
        $null = Get-BackpropDataset Xor | Invoke-BackpropTraining -Network $start -TargetColumn label -Epochs 3
        ($start | Get-BackpropParameter).Value | Should -Be $before
    }

    It 'say more with -Verbose' {
        $net = New-BackpropNetwork 2, 2, 1 -Seed 1
        $verbose = Get-BackpropDataset Xor | Invoke-BackpropTraining -Network $net -TargetColumn label -Epochs 2 -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $verbose[0].Message | Should -BeLike 'Epoch 1: loss *'
    }
}

Describe 'Reproducibility' {
    BeforeAll {
        $script:experiment = @'
$net = New-BackpropNetwork -LayerSize 4, 8, 3 -Activation Tanh, Softmax -Seed 7
$run = Import-Csv '{0}' | Invoke-BackpropTraining -Network $net -TargetColumn species -Optimizer Adam -LearningRate 0.01 `
    -Epochs 20 -BatchSize 16 -ValidationFraction 0.2 -Seed 7 -Standardize -Shuffle
$run | Select-Object Epoch, Loss, ValidationLoss, Accuracy, ValidationAccuracy | Export-Csv -LiteralPath '{1}'
$run[-1].Network | Export-BackpropNetwork -LiteralPath '{2}'
'@
        function script:Invoke-Experiment([string] $Name, [switch] $Fresh) {
            $history = Join-Path $TestDrive "$Name.csv"
            $network = Join-Path $TestDrive "$Name.json"
            $script = $experiment -f $irisPath, $history, $network
            if ($Fresh) { Invoke-FreshPwsh "Import-Module BackpropPS; $script" } else { Invoke-Expression $script }
            [IO.File]::ReadAllBytes($history), [IO.File]::ReadAllBytes($network)
        }
    }

    It 'gives byte-identical history and network files twice in a row and in a fresh process' {
        $first = Invoke-Experiment 'first'
        $second = Invoke-Experiment 'second'
        $fresh = Invoke-Experiment 'fresh' -Fresh
        $first[0].Length | Should -BeGreaterThan 100
        [Convert]::ToBase64String($second[0]) | Should -Be ([Convert]::ToBase64String($first[0]))
        [Convert]::ToBase64String($second[1]) | Should -Be ([Convert]::ToBase64String($first[1]))
        [Convert]::ToBase64String($fresh[0]) | Should -Be ([Convert]::ToBase64String($first[0]))
        [Convert]::ToBase64String($fresh[1]) | Should -Be ([Convert]::ToBase64String($first[1]))
    }

    It 'gives the same numbers, bit for bit, on one thread as on every core' {
        # 300 inputs, 64 hidden and batches of 32: the first layer's products are split between the threads.
        $random = [BackpropPS.Core.SeededRandom]::new(5)
        [double[][]] $x = foreach ($i in 1..96) { , [double[]](1..300 | ForEach-Object { $random.NextDouble() }) }
        [double[][]] $y = foreach ($i in 1..96) { $row = [double[]]::new(10); $row[$random.NextInt(10)] = 1; , $row }
        $net = New-BackpropNetwork -LayerSize 300, 64, 10 -Activation ReLU, Softmax -Seed 2
        $settings = @{ Network = $net; Input = $x; Target = $y; Optimizer = 'Adam'; Epochs = 3; BatchSize = 32; Shuffle = $true; Seed = 4 }
        $one = Invoke-BackpropTraining @settings -ThreadCount 1
        $all = Invoke-BackpropTraining @settings
        $one.Loss | Should -Be $all.Loss
        (ConvertTo-BitPattern $one[-1].Network.Layers[0].Weights) | Should -Be (ConvertTo-BitPattern $all[-1].Network.Layers[0].Weights)
        $one[-1].Loss | Should -Not -Be $one[0].Loss
    }

    It 'refuses a negative thread count' {
        { Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 1) -Input 1, 2 -Target 0 -ThreadCount -1 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,BackpropPS.Commands.InvokeBackpropTrainingCommand'
    }

    It 'gives another run from another seed' {
        $net = New-BackpropNetwork 2, 4, 1 -Activation Tanh, Sigmoid -Seed 1
        $data = Get-BackpropDataset Moons -Count 40 -Seed 1
        $a = $data | Invoke-BackpropTraining -Network $net -TargetColumn label -Epochs 3 -Shuffle -Seed 1 -BatchSize 8
        $b = $data | Invoke-BackpropTraining -Network $net -TargetColumn label -Epochs 3 -Shuffle -Seed 2 -BatchSize 8
        $a[-1].Loss | Should -Not -Be $b[-1].Loss
    }
}

Describe 'Nothing lost' {
    It 'keeps every epoch emitted before the pipeline is stopped (Ctrl+C)' {
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                Import-Module BackpropPS
                $net = New-BackpropNetwork 2, 16, 16, 1 -Activation ReLU, ReLU, Sigmoid -Seed 1
                Get-BackpropDataset Spiral -Count 400 | Invoke-BackpropTraining -Network $net -TargetColumn label -Epochs 100000 -BatchSize 4
            })
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $async = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ($output.Count -lt 3 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        $ps.Stop()
        $output.Count | Should -BeGreaterOrEqual 3
        $output.Count | Should -BeLessThan 100000
        $output.Epoch | Should -Be (1..$output.Count)
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        $ps.Dispose()
    }

    It 'stops on a loss that is no longer finite, naming the epoch, after emitting the last finite one' {
        $net = New-BackpropNetwork -Weight @(, @(, 0.5)) -Bias @(, @(, 0.1)) -Activation Linear
        $kept = [System.Collections.Generic.List[object]]::new()
        $e = Get-ErrorRecord {
            Invoke-BackpropTraining -Network $net -Input @(, 1), @(, 2) -Target @(, 100), @(, 200) -LearningRate 10 -Epochs 1000 -BatchSize 0 -DivergenceFactor 0 |
                ForEach-Object { $kept.Add($_) }
        } 'NonFiniteLoss' 'InvalidOperation'
        $kept.Count | Should -BeGreaterThan 0
        $kept | ForEach-Object { [double]::IsFinite($_.Loss) | Should -BeTrue }
        $e.Exception.Message | Should -BeLike "*epoch $($kept.Count + 1)*"
    }

    It 'stops a run that blows up without reaching NaN with TrainingDiverged, keeping every epoch before it (<Optimizer>)' -TestCases @(
        @{ Optimizer = 'Sgd' }, @{ Optimizer = 'Momentum' }, @{ Optimizer = 'Adam' }
    ) {
        param($Optimizer)
        $net = New-BackpropNetwork -LayerSize 4, 8, 3 -Activation Tanh, Softmax -Seed 3
        $run = [System.Collections.Generic.List[object]]::new()
        $e = Get-ErrorRecord {
            Import-Csv $irisPath | Invoke-BackpropTraining -Network $net -TargetColumn species -Optimizer $Optimizer -LearningRate 1e6 `
                -Epochs 300 -BatchSize 16 -Shuffle -Seed 1 | ForEach-Object { $run.Add($_) }
        } 'TrainingDiverged' 'InvalidOperation'
        $e.Exception.Message | Should -BeLike "*epoch $($run.Count + 1) with a learning rate of 1000000*"
        $run.Count | Should -BeLessThan 300
        # The check can be turned off: then the run goes on as asked.
        $on = Import-Csv $irisPath | Invoke-BackpropTraining -Network $net -TargetColumn species -Optimizer $Optimizer -LearningRate 1e6 `
            -Epochs 3 -BatchSize 16 -Shuffle -Seed 1 -DivergenceFactor 0 -ErrorAction SilentlyContinue
        @($on).Count | Should -BeGreaterThan $run.Count
    }

    It 'never emits or writes a network with an infinite weight' {
        $line = New-BackpropNetwork -Weight @(, @(, 0.5)) -Bias @(, @(, 0.1)) -Activation Linear
        $path = Join-Path $TestDrive 'overflow.json'
        $kept = [System.Collections.Generic.List[object]]::new()
        $e = Get-ErrorRecord {
            Invoke-BackpropTraining -Network $line -Input @(, 10), @(, 20) -Target 1000, 2000 -LearningRate 1.7e308 -Epochs 3 -BatchSize 0 `
                -CheckpointPath $path -CheckpointInterval 1 | ForEach-Object { $kept.Add($_) }
        } 'TrainingDiverged' 'InvalidOperation'
        $e.Exception.Message | Should -BeLike '*weights became infinite or NaN*No epoch was returned*'
        $kept.Count | Should -Be 0
        $path | Should -Not -Exist
    }

    It 'refuses an update that overflows the weights' {
        $line = New-BackpropNetwork -Weight @(, @(, 0.5)) -Bias @(, @(, 0.1)) -Activation Linear
        $grad = $line | Invoke-BackpropForward -Input 2 | Get-BackpropGradient -Target -1000
        $e = Get-ErrorRecord { $grad | Update-BackpropNetwork -LearningRate 1.7e308 } 'NonFiniteStep' 'InvalidOperation'
        $e.Exception.Message | Should -BeLike '*w1_11 -infinite*'
    }

    It 'writes a checkpoint every N epochs and after the last one' {
        $path = Join-Path $TestDrive 'checkpoint.json'
        $net = New-BackpropNetwork 2, 3, 1 -Seed 1
        $run = Get-BackpropDataset Xor | Invoke-BackpropTraining -Network $net -TargetColumn label -Epochs 25 -CheckpointPath $path -CheckpointInterval 10 -Verbose 4>&1
        $messages = @($run | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Where-Object Message -like 'Checkpoint*').Message
        $messages.Count | Should -Be 3
        $messages[0] | Should -BeLike 'Checkpoint of epoch 10 *'
        $messages[2] | Should -BeLike 'Checkpoint of epoch 25 *'
        $last = $run | Where-Object Epoch -eq 25
        (Import-BackpropNetwork $path | Get-BackpropParameter).Value | Should -Be ($last.Network | Get-BackpropParameter).Value
    }

    It 'does not replace an existing checkpoint file without -Force' {
        $path = Join-Path $TestDrive 'existing.json'
        Set-Content -LiteralPath $path -Value 'precious'
        $net = New-BackpropNetwork 2, 3, 1 -Seed 1
        Get-ErrorRecord { Get-BackpropDataset Xor | Invoke-BackpropTraining -Network $net -TargetColumn label -Epochs 2 -CheckpointPath $path } 'CheckpointFileExists' 'ResourceExists'
        Get-Content -LiteralPath $path | Should -Be 'precious'
        $null = Get-BackpropDataset Xor | Invoke-BackpropTraining -Network $net -TargetColumn label -Epochs 2 -CheckpointPath $path -CheckpointInterval 1 -Force
        (Import-BackpropNetwork $path).Shape | Should -Be '2-3-1'
    }

    It 'does not replace a checkpoint file that another writer created after the run started' {
        $path = Join-Path $TestDrive 'raced.json'
        $net = New-BackpropNetwork 2, 3, 1 -Seed 1
        # Epoch 1 reaches the next command before the first checkpoint (epoch 2) is written: the file appears then.
        $record = Get-ErrorRecord {
            Get-BackpropDataset Xor | Invoke-BackpropTraining -Network $net -TargetColumn label -Epochs 4 -CheckpointPath $path -CheckpointInterval 2 |
                ForEach-Object { if ($_.Epoch -eq 1) { Set-Content -LiteralPath $path -Value 'the other run' } }
        } 'CheckpointFileExists' 'ResourceExists'
        Get-Content -LiteralPath $path | Should -Be 'the other run'
    }
}

Describe 'Bad training data' {
    BeforeAll {
        $script:net = New-BackpropNetwork 2, 3, 1 -Seed 1
    }

    It 'names the record and column of a missing column' {
        $records = [pscustomobject]@{ x1 = 1; x2 = 2; label = 1 }, [pscustomobject]@{ x1 = 1; label = 0 }
        $e = Get-ErrorRecord { $records | Invoke-BackpropTraining -Network $net -InputColumn x1, x2 -TargetColumn label } 'MissingColumn' 'InvalidData'
        $e.Exception.Message | Should -BeLike "Record 2 has no column 'x2'*"
    }

    It 'names the record and column of a non-numeric cell' {
        $e = Get-ErrorRecord {
            "x1,x2,label`n1,2,1`n3,abc,0" | ConvertFrom-Csv | Invoke-BackpropTraining -Network $net -TargetColumn label
        } 'NonNumericCell' 'InvalidData'
        $e.Exception.Message | Should -Be "Record 2, column 'x2': expected a number; got 'abc'."
    }

    It 'reports an empty cell' {
        $e = Get-ErrorRecord { "x1,x2,label`n1,,1" | ConvertFrom-Csv | Invoke-BackpropTraining -Network $net -TargetColumn label } 'NonNumericCell' 'InvalidData'
        $e.Exception.Message | Should -BeLike '*got an empty cell*'
    }

    It 'reports empty input' {
        Get-ErrorRecord { @() | Invoke-BackpropTraining -Network $net -TargetColumn label } 'EmptyData' 'InvalidArgument'
    }

    It 'reports a number of labels unlike the number of outputs' {
        $softmax = New-BackpropNetwork 4, 3, 2 -Activation Tanh, Softmax -Seed 1
        $e = Get-ErrorRecord { Import-Csv $irisPath | Invoke-BackpropTraining -Network $softmax -TargetColumn species } 'ClassCountMismatch' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*3 labels (setosa, versicolor, virginica)*2 outputs*'
    }

    It 'reports bad settings before training' {
        Get-ErrorRecord { Get-BackpropDataset Xor | Invoke-BackpropTraining -Network $net -TargetColumn label -LearningRate 0 } 'InvalidLearningRate' 'InvalidArgument'
        Get-ErrorRecord { Get-BackpropDataset Xor | Invoke-BackpropTraining -Network $net -TargetColumn label -ValidationFraction 1 } 'InvalidValidationFraction' 'InvalidArgument'
        Get-ErrorRecord { Get-BackpropDataset Xor | Invoke-BackpropTraining -Network $net -TargetColumn label -Epochs 0 } 'InvalidEpochs' 'InvalidArgument'
    }
}

Describe 'Settings and pipelines that are easy to get wrong' {
    BeforeAll {
        $script:net = New-BackpropNetwork 2, 3, 1 -Seed 1
    }

    It 'names a setting that belongs to another optimizer' {
        $e = Get-ErrorRecord { Get-BackpropDataset Xor | Invoke-BackpropTraining -Network $net -TargetColumn label -Optimizer Adam -Nesterov } 'OptionNotForOptimizer' 'InvalidArgument'
        $e.Exception.Message | Should -Be '-Nesterov belongs to -Optimizer Momentum; the optimizer is Adam.'
        Get-ErrorRecord { Get-BackpropDataset Xor | Invoke-BackpropTraining -Network $net -TargetColumn label -Beta1 0.8 } 'OptionNotForOptimizer' 'InvalidArgument'
    }

    It 'names a network piped where records belong' {
        Get-ErrorRecord { $net | Invoke-BackpropTraining -Network $net -TargetColumn label } 'NetworkPipedAsRecord' 'InvalidArgument'
        Get-ErrorRecord { $net | Invoke-BackpropPrediction -Network $net -InputColumn a, b } 'NetworkPipedAsRecord' 'InvalidArgument'
    }

    It 'checks the checkpoint folder before the first epoch' {
        $kept = [System.Collections.Generic.List[object]]::new()
        Get-ErrorRecord {
            Get-BackpropDataset Xor | Invoke-BackpropTraining -Network $net -TargetColumn label -Epochs 3 -CheckpointPath (Join-Path $TestDrive 'no/such/net.json') |
                ForEach-Object { $kept.Add($_) }
        } 'DirectoryNotFound' 'ObjectNotFound'
        $kept.Count | Should -Be 0
    }

    It 'trains but writes no checkpoint with -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.json'
        $run = Get-BackpropDataset Xor | Invoke-BackpropTraining -Network $net -TargetColumn label -Epochs 3 -CheckpointPath $path -CheckpointInterval 1 -WhatIf
        $run.Count | Should -Be 3
        Test-Path $path | Should -BeFalse
    }

    It 'keeps the last finished epoch in the checkpoint when stopped' {
        $path = Join-Path $TestDrive 'stopped.json'
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($Path)
                Import-Module BackpropPS
                $net = New-BackpropNetwork 2, 16, 16, 1 -Activation ReLU, ReLU, Sigmoid -Seed 1
                Get-BackpropDataset Spiral -Count 400 | Invoke-BackpropTraining -Network $net -TargetColumn label -Epochs 100000 -BatchSize 4 -CheckpointPath $Path -CheckpointInterval 100000
            }).AddArgument($path)
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $null = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ($output.Count -lt 2 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        $ps.Stop()
        $ps.Dispose()
        $output.Count | Should -BeGreaterOrEqual 2
        (Import-BackpropNetwork $path).Shape | Should -Be '2-16-16-1'
    }

    It 'explains a flat target list of the wrong length' {
        $e = Get-ErrorRecord { Invoke-BackpropTraining -Network $net -Input @(0, 0), @(1, 1) -Target 0, 1, 1 } 'BatchSizeMismatch' 'InvalidArgument'
        $e.Exception.Message | Should -Be 'Expected one target per input sample (2); got a list of 3 values.'
    }

    It 'takes the columns of hashtable records in a fixed order' {
        $records = @{ b = 1; a = 0; label = 1 }, @{ b = 0; a = 1; label = 1 }
        $run = $records | Invoke-BackpropTraining -Network $net -TargetColumn label -Epochs 1
        $run[0].Network.Schema.InputColumns | Should -Be 'a', 'b'
    }
}

Describe 'Progress' {
    It 'shows the epoch, the loss and the time left, and completes' {
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                Import-Module BackpropPS
                $net = New-BackpropNetwork 2, 3, 1 -Seed 1
                Get-BackpropDataset Xor | Invoke-BackpropTraining -Network $net -TargetColumn label -Epochs 5
            })
        $null = $ps.Invoke()
        $records = @($ps.Streams.Progress)
        $ps.Dispose()
        $records.Count | Should -BeGreaterThan 1
        $records[0].Activity | Should -Be 'Training 2-3-1'
        ($records | Where-Object StatusDescription -like 'Epoch 5 of 5, loss *') | Should -Not -BeNullOrEmpty
        ($records | Where-Object PercentComplete -eq 100) | Should -Not -BeNullOrEmpty
        $records[-1].RecordType | Should -Be 'Completed'
    }
}
