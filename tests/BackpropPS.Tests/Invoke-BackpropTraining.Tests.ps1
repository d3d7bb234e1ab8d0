# Invoke-BackpropTraining as a user scripts an experiment: records, batches or a data set object in, epochs out, reproducible from a seed, -GradientFlow, checkpoints, and its errors.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:irisPath = Join-Path (Get-Module BackpropPS).ModuleBase 'data/iris.csv'
    $script:irisColumns = 'sepal_length', 'sepal_width', 'petal_length', 'petal_width'

    # Every number of a run, and a network's schema, in a form -Be compares exactly (data set objects).
    function script:Get-RunBits($Run) {
        ConvertTo-BitPattern (@($Run | ForEach-Object { $_.Loss; $_.ValidationLoss; $_.Accuracy; $_.ValidationAccuracy; $_.GradientNorm }) +
            ($Run[-1].Network | Get-BackpropParameter).Value)
    }
    function script:Get-SchemaText($Network) {
        $s = $Network.Schema
        "in: $($s.InputColumns -join ','); out: $($s.TargetColumns -join ','); labels: $($s.ClassLabels -join ','); " +
        "mean: $(ConvertTo-BitPattern $s.Scaling.Mean); scale: $(ConvertTo-BitPattern $s.Scaling.Scale)"
    }
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

    It 'gives the same numbers, bit for bit, from a double[][] (read where it is) as from the same rows as a Matrix' {
        $random = [BackpropPS.Core.SeededRandom]::new(6)
        [double[][]] $x = foreach ($i in 1..80) { , [double[]](1..40 | ForEach-Object { $random.NextDouble() }) }
        [double[][]] $y = foreach ($i in 1..80) { $row = [double[]]::new(3); $row[$random.NextInt(3)] = 1; , $row }
        $net = New-BackpropNetwork -LayerSize 40, 16, 3 -Activation ReLU, Softmax -Seed 2
        $settings = @{ Network = $net; Target = $y; Optimizer = 'Adam'; Epochs = 3; BatchSize = 16; Shuffle = $true; Seed = 4; ValidationFraction = 0.25 }
        $jagged = Invoke-BackpropTraining @settings -Input $x
        $matrix = Invoke-BackpropTraining @settings -Input ([BackpropPS.Core.Matrix]::FromRows($x))
        $jagged.Loss | Should -Be $matrix.Loss
        $jagged.ValidationLoss | Should -Be $matrix.ValidationLoss
        (ConvertTo-BitPattern $jagged[-1].Network.Layers[0].Weights) | Should -Be (ConvertTo-BitPattern $matrix[-1].Network.Layers[0].Weights)
        $x[0][0] | Should -Be ([BackpropPS.Core.SeededRandom]::new(6).NextDouble()) -Because 'the rows are read, never written'
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

Describe 'Messages in the user''s terms' {
    BeforeAll {
        $script:oneOutput = New-BackpropNetwork 2, 3, 1 -Seed 1
    }

    It 'names a misspelt -TargetColumn and the columns there are' {
        $net = New-BackpropNetwork 4, 3 -Activation Softmax -Seed 1
        $e = Get-ErrorRecord { Import-Csv $irisPath | Invoke-BackpropTraining -Network $net -TargetColumn Species2 -Epochs 1 } 'MissingColumn' 'InvalidData'
        $e.Exception.Message | Should -Be "Record 1 has no column 'Species2'. Its columns are: sepal_length, sepal_width, petal_length, petal_width, species."
    }

    It 'names the NA in a numeric target column instead of counting labels' {
        $records = 1..20 | ForEach-Object { [pscustomobject]@{ x1 = "$_"; x2 = '1'; y = if ($_ -eq 7) { 'NA' } else { "$($_ / 10)" } } }
        $e = Get-ErrorRecord { $records | Invoke-BackpropTraining -Network $oneOutput -TargetColumn y -Epochs 1 } 'NonNumericCell' 'InvalidData'
        $e.Exception.Message | Should -Be "Record 7, column 'y': expected a number; got 'NA'."
    }

    It 'calls an empty regression target an empty cell, not a missing class label' {
        $e = Get-ErrorRecord { "x1,x2,y`n1,2,0.5`n3,4,`n5,6,1.5" | ConvertFrom-Csv | Invoke-BackpropTraining -Network $oneOutput -TargetColumn y -Epochs 1 } 'NonNumericCell' 'InvalidData'
        $e.Exception.Message | Should -Be "Record 2, column 'y': expected a number; got an empty cell."
    }
}

Describe 'Labels a one-output network can learn' {
    BeforeAll {
        $script:oneOutput = New-BackpropNetwork 2, 3, 1 -Seed 1
    }

    It 'refuses to train a one-output network on a single class label' {
        $records = "x1,x2,y`n1,2,yes`n3,4,yes" | ConvertFrom-Csv
        $e = Get-ErrorRecord { $records | Invoke-BackpropTraining -Network $oneOutput -TargetColumn y -Epochs 1 } 'SingleClassLabel' 'InvalidArgument'
        $e.Exception.Message | Should -Be "Column 'y' has one label only (yes); a classifier needs at least two labels to tell apart."
    }

    It 'refuses three labels for one output' {
        $net = New-BackpropNetwork 4, 3, 1 -Seed 1
        $e = Get-ErrorRecord { Import-Csv $irisPath | Invoke-BackpropTraining -Network $net -TargetColumn species } 'ClassCountMismatch' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*3 labels*1 output:*two labels*'
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

Describe 'Training from a data set object' {
    BeforeAll {
        $script:iris = Get-BackpropDataset Iris -AsDataset
        $script:net = New-BackpropNetwork 4, 6, 3 -Activation Tanh, Softmax -Seed 3
        $script:settings = @{ Network = $net; Optimizer = 'Adam'; LearningRate = 0.01; Epochs = 8; BatchSize = 16; Shuffle = $true; Seed = 3; ValidationFraction = 0.2; Standardize = $true }
        $script:fromRecords = Get-BackpropDataset Iris | Invoke-BackpropTraining @settings -TargetColumn species
    }

    It 'piped, equals training on the records, bit for bit, and gives the network the same schema' {
        $run = $iris | Invoke-BackpropTraining @settings
        $run.Count | Should -Be 8
        Get-RunBits $run | Should -Be (Get-RunBits $fromRecords)
        Get-SchemaText $run[-1].Network | Should -Be (Get-SchemaText $fromRecords[-1].Network)
        $run[-1].Network.Schema.ClassLabels | Should -Be 'setosa', 'versicolor', 'virginica'
    }

    It 'given with -Dataset, equals training on the records' {
        $run = Invoke-BackpropTraining @settings -Dataset $iris
        Get-RunBits $run | Should -Be (Get-RunBits $fromRecords)
        Get-SchemaText $run[-1].Network | Should -Be (Get-SchemaText $fromRecords[-1].Network)
    }

    It 'equals training on its matrices as -Input and -Target, which bring no columns or labels' {
        $run = Invoke-BackpropTraining @settings -Input $iris.Inputs -Target $iris.Targets
        Get-RunBits $run | Should -Be (Get-RunBits $fromRecords)
        $run[-1].Network.Schema.ClassLabels.Count | Should -Be 0
    }

    It 'gives a network that predicts on records in labels, as the records network does' {
        $run = $iris | Invoke-BackpropTraining @settings
        $predicted = Get-BackpropDataset Iris | Invoke-BackpropPrediction -Network $run[-1].Network
        $expected = Get-BackpropDataset Iris | Invoke-BackpropPrediction -Network $fromRecords[-1].Network
        $predicted.Predicted | Should -Be $expected.Predicted
        $predicted.Predicted | Should -Contain 'virginica'
        ($predicted | Where-Object Correct).Count | Should -BeGreaterThan 100
    }

    It 'of a generated set equals training on its records with a one-output network' {
        $one = New-BackpropNetwork 2, 4, 1 -Activation Tanh, Sigmoid -Seed 1
        $options = @{ Network = $one; LearningRate = 0.5; Epochs = 5; BatchSize = 8; Shuffle = $true; Seed = 2; ValidationFraction = 0.25 }
        $records = Get-BackpropDataset Moons -Count 40 -Noise 0.1 -Seed 2 | Invoke-BackpropTraining @options -TargetColumn label
        $objects = Get-BackpropDataset Moons -Count 40 -Noise 0.1 -Seed 2 -AsDataset | Invoke-BackpropTraining @options
        Get-RunBits $objects | Should -Be (Get-RunBits $records)
        Get-SchemaText $objects[-1].Network | Should -Be (Get-SchemaText $records[-1].Network)
    }

    It 'without a schema trains like -Input/-Target and keeps the network''s own schema' {
        $trained = $fromRecords[-1].Network
        $plain = [BackpropPS.Core.Training.Dataset]::new($iris.Inputs, $iris.Targets)
        $run = $plain | Invoke-BackpropTraining -Network $trained -Epochs 2 -BatchSize 16
        $batch = Invoke-BackpropTraining -Network $trained -Input $iris.Inputs -Target $iris.Targets -Epochs 2 -BatchSize 16
        Get-RunBits $run | Should -Be (Get-RunBits $batch)
        Get-SchemaText $run[-1].Network | Should -Be (Get-SchemaText $trained)
    }

    It 'built in PowerShell, has no schema with $null and gives the network a schema of its own' {
        $schema = [BackpropPS.Core.Training.DataSchema]::new([string[]]('a', 'b'), [string[]]'answer', [string[]]('no', 'yes'))
        $data = [BackpropPS.Core.Training.Dataset]::new($iris.Inputs, $iris.Targets, $null)
        $data.Schema | Should -BeNullOrEmpty
        $x = [BackpropPS.Core.Matrix]::new(4, 2, [double[]](0, 0, 0, 1, 1, 0, 1, 1))
        $y = [BackpropPS.Core.Matrix]::new(4, 1, [double[]](0, 1, 1, 0))
        $run = [BackpropPS.Core.Training.Dataset]::new($x, $y, $schema) | Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 3, 1 -Seed 1) -Epochs 1
        $run[-1].Network.Schema.InputColumns | Should -Be 'a', 'b'
        $run[-1].Network.Schema.ClassLabels | Should -Be 'no', 'yes'
    }
}

Describe 'Mistakes with data set objects' {
    BeforeAll {
        $script:iris = Get-BackpropDataset Iris -AsDataset
        $script:net = New-BackpropNetwork 4, 6, 3 -Activation Tanh, Softmax -Seed 3
    }

    It 'names records and a data set in one pipeline, in either order, before any epoch' {
        $kept = [System.Collections.Generic.List[object]]::new()
        $e = Get-ErrorRecord { @(Get-BackpropDataset Iris) + $iris | Invoke-BackpropTraining -Network $net -Epochs 1 | ForEach-Object { $kept.Add($_) } } 'DatasetMixedWithRecords' 'InvalidArgument'
        $e.Exception.Message | Should -Be 'Expected either records or a data set through the pipeline; got both. Give one kind of data at a time.'
        Get-ErrorRecord { @($iris) + @(Get-BackpropDataset Iris) | Invoke-BackpropTraining -Network $net -Epochs 1 | ForEach-Object { $kept.Add($_) } } 'DatasetMixedWithRecords' 'InvalidArgument'
        $kept.Count | Should -Be 0
    }

    It 'names a second data set' {
        $e = Get-ErrorRecord { $iris, $iris | Invoke-BackpropTraining -Network $net -Epochs 1 } 'MultipleDatasets' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike 'Expected one data set through the pipeline; got a second one.*'
    }

    It 'names -InputColumn or -TargetColumn with a piped data set' {
        $e = Get-ErrorRecord { $iris | Invoke-BackpropTraining -Network $net -TargetColumn species } 'ColumnWithDataset' 'InvalidArgument'
        $e.Exception.Message | Should -Be '-TargetColumn names the columns of records; a data set brings its own inputs and targets. Leave it out, or give records.'
        $e = Get-ErrorRecord { $iris | Invoke-BackpropTraining -Network $net -InputColumn $irisColumns -TargetColumn species } 'ColumnWithDataset' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '-InputColumn and -TargetColumn name the columns of records;*Leave them out, or give records.'
    }

    It 'leaves -Dataset with record or batch parameters to PowerShell, which finds no parameter set' {
        Get-ErrorRecord { Invoke-BackpropTraining -Network $net -Dataset $iris -TargetColumn species } 'AmbiguousParameterSet' 'InvalidArgument'
        Get-ErrorRecord { Invoke-BackpropTraining -Network $net -Dataset $iris -Input 1, 2, 3, 4 -Target 1, 0, 0 } 'AmbiguousParameterSet' 'InvalidArgument'
    }

    It 'names a network that does not fit the data set: <Case>' -ForEach @(
        @{ Case = 'inputs'; Shape = 2, 5, 3; Activation = 'Tanh', 'Softmax'; ErrorId = 'InputSizeMismatch'; Message = 'The network takes 2 inputs; the data set has 4 input columns (sepal_length, sepal_width, petal_length, petal_width).' }
        @{ Case = 'labels'; Shape = 4, 2; Activation = 'Softmax'; ErrorId = 'ClassCountMismatch'; Message = 'The data set has 3 labels (setosa, versicolor, virginica); the network has 2 outputs: one per label, or one output for two labels.' }
    ) {
        $small = New-BackpropNetwork $Shape -Activation $Activation -Seed 1
        $e = Get-ErrorRecord { $iris | Invoke-BackpropTraining -Network $small } $ErrorId 'InvalidArgument'
        $e.Exception.Message | Should -Be $Message
    }

    It 'names targets of another width than the network outputs' {
        $moons = Get-BackpropDataset Moons -Count 10 -AsDataset
        $e = Get-ErrorRecord { $moons | Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 3, 2 -Seed 1) } 'TargetSizeMismatch' 'InvalidArgument'
        $e.Exception.Message | Should -Be 'The network has 2 outputs; the data set has 1 target column.'
    }

    It 'names labels other than the ones a network was trained on' {
        $trained = (Get-BackpropDataset Iris | Invoke-BackpropTraining -Network $net -TargetColumn species -Epochs 1)[-1].Network
        $other = [BackpropPS.Core.Training.Dataset]::new($iris.Inputs, $iris.Targets,
            [BackpropPS.Core.Training.DataSchema]::new($iris.Schema.InputColumns, $iris.Schema.TargetColumns, [string[]]('a', 'b', 'c')))
        $e = Get-ErrorRecord { $other | Invoke-BackpropTraining -Network $trained -Epochs 1 } 'ClassLabelMismatch' 'InvalidArgument'
        $e.Exception.Message | Should -Be 'The network was trained on the labels setosa, versicolor, virginica; the data set''s labels are a, b, c.'
        @($iris | Invoke-BackpropTraining -Network $trained -Epochs 1).Count | Should -Be 1
    }

    It 'reports a validation fraction that leaves no sample, as for records' {
        $xor = Get-BackpropDataset Xor -AsDataset
        Get-ErrorRecord { $xor | Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 2, 1 -Seed 1) -ValidationFraction 0.1 } 'InvalidValidationFraction' 'InvalidArgument'
    }
}

Describe 'Invoke-BackpropTraining -GradientFlow' {
    BeforeAll {
        $script:invariant = [cultureinfo]::InvariantCulture
        $script:moons = Get-BackpropDataset Moons -Count 60 -Seed 2 -AsDataset
        $script:mixed = New-BackpropNetwork 2, 5, 4, 1 -Activation Tanh, ReLU, Sigmoid -Seed 3
    }

    It 'gives each epoch one row per layer that survives Export-Csv and Import-Csv exactly' {
        $run = $moons | Invoke-BackpropTraining -Network $mixed -Epochs 4 -BatchSize 16 -LearningRate 0.2 -GradientFlow
        $rows = $run.GradientFlow
        $rows.Count | Should -Be 12
        $rows[0] | Should -BeOfType BackpropPS.Core.Training.GradientFlowRow
        $path = Join-Path $TestDrive 'flow.csv'
        $rows | Export-Csv -LiteralPath $path
        $back = Import-Csv -LiteralPath $path
        $back.Count | Should -Be 12
        $back[0].PSObject.Properties.Name | Should -Be Run, Epoch, Layer, Activation, Neurons, GradientNorm, MeanAbsDelta, SaturatedShare, DeadShare, WeightNorm, UpdateNorm, UpdateRatio
        ($back | ForEach-Object { "$($_.Epoch)/$($_.Layer)" }) -join ' ' | Should -Be '1/1 1/2 1/3 2/1 2/2 2/3 3/1 3/2 3/3 4/1 4/2 4/3'
        $back.Run | Select-Object -Unique | Should -Be '2-5-4-1 Tanh/ReLU/Sigmoid'
        foreach ($k in 0..11) {
            foreach ($name in 'GradientNorm', 'MeanAbsDelta', 'WeightNorm', 'UpdateNorm', 'UpdateRatio') {
                ConvertTo-BitPattern ([double]::Parse($back[$k].$name, $invariant)) | Should -Be (ConvertTo-BitPattern $rows[$k].$name)
            }
        }
        # Shares only where they apply: saturation for Tanh and Sigmoid, dead neurons for ReLU; empty cells otherwise.
        $back[1].SaturatedShare | Should -Be ''
        $back[0].DeadShare | Should -Be ''
        $back[2].DeadShare | Should -Be ''
        [double]::Parse($back[1].DeadShare, $invariant) | Should -BeIn 0, 0.25, 0.5, 0.75, 1
    }

    It 'measures the gradient norm and mean |delta| that Get-BackpropGradient gives on the same batch' {
        $x = @(0, 0), @(0, 1), @(1, 0), @(1, 1)
        $y = 0, 1, 1, 0
        $net = New-BackpropNetwork 2, 3, 1 -Activation Tanh, Sigmoid -Seed 4
        $run = Invoke-BackpropTraining -Network $net -Input $x -Target $y -Epochs 2 -BatchSize 0 -LearningRate 0.5 -GradientFlow
        $before = $net
        foreach ($epoch in $run) {
            $g = $before | Invoke-BackpropForward -Input $x | Get-BackpropGradient -Target $y
            foreach ($l in 0, 1) {
                $norm = [math]::Sqrt((($g.WeightGradient[$l] | ForEach-Object { $_ * $_ }) | Measure-Object -Sum).Sum)
                Assert-Close $epoch.GradientFlow[$l].GradientNorm $norm 1e-14 "layer $($l + 1) of epoch $($epoch.Epoch)"
                $mean = ($g.Delta[$l] | ForEach-Object { [math]::Abs($_) } | Measure-Object -Average).Average
                Assert-Close $epoch.GradientFlow[$l].MeanAbsDelta $mean 1e-14
            }
            $before = $epoch.Network
        }
    }

    It 'changes no trained number: with and without it the runs are the same bit for bit' {
        $common = @{ Network = $mixed; Dataset = $moons; Epochs = 6; BatchSize = 7; Shuffle = $true; Seed = 5; Optimizer = 'Adam'
            LearningRate = 0.05; ValidationFraction = 0.2 }
        $off = Invoke-BackpropTraining @common
        $on = Invoke-BackpropTraining @common -GradientFlow
        $off.GradientFlow.Count | Should -Be 0
        $on.GradientFlow.Count | Should -Be 18
        ConvertTo-BitPattern $on.Loss | Should -Be (ConvertTo-BitPattern $off.Loss)
        ConvertTo-BitPattern $on.ValidationLoss | Should -Be (ConvertTo-BitPattern $off.ValidationLoss)
        ConvertTo-BitPattern $on.GradientNorm | Should -Be (ConvertTo-BitPattern $off.GradientNorm)
        foreach ($k in 0..5) {
            ConvertTo-BitPattern ($on[$k].Network | Get-BackpropParameter).Value | Should -Be (ConvertTo-BitPattern ($off[$k].Network | Get-BackpropParameter).Value)
        }
    }

    It 'shows the vanishing gradient: in a deep sigmoid network layer 1 learns thousands of times slower than the last, with Tanh or ReLU not' {
        $ratio = @{}
        foreach ($f in 'Sigmoid', 'Tanh', 'ReLU') {
            $rows = (Invoke-DeepRun $f).GradientFlow
            $ratio[$f] = $rows[-1].GradientNorm / $rows[0].GradientNorm
        }
        $ratio.Sigmoid | Should -BeGreaterThan 1000
        $ratio.Tanh | Should -BeLessThan 10
        $ratio.ReLU | Should -BeLessThan 10
    }

    It 'refuses a saturation threshold outside (0, 1]' {
        Get-ErrorRecord { $moons | Invoke-BackpropTraining -Network $mixed -Epochs 1 -GradientFlow -SaturationThreshold 0 } 'InvalidSaturationThreshold' 'InvalidArgument'
        Get-ErrorRecord { $moons | Invoke-BackpropTraining -Network $mixed -Epochs 1 -GradientFlow -SaturationThreshold 2 } 'InvalidSaturationThreshold' 'InvalidArgument'
        Get-ErrorRecord { $moons | Invoke-BackpropTraining -Network $mixed -Epochs 1 -SaturationThreshold 0.05 } 'OptionNeedsGradientFlow' 'InvalidArgument'
    }

    It 'counts more saturated outputs with a higher threshold' {
        $net = New-BackpropNetwork 2, 6, 1 -Activation Sigmoid -Seed 6
        $low = ($moons | Invoke-BackpropTraining -Network $net -Epochs 1 -GradientFlow -SaturationThreshold 0.01).GradientFlow[0].SaturatedShare
        $high = ($moons | Invoke-BackpropTraining -Network $net -Epochs 1 -GradientFlow -SaturationThreshold 0.249).GradientFlow[0].SaturatedShare
        $high | Should -BeGreaterThan $low
        $high | Should -BeLessOrEqual 1
    }
}
