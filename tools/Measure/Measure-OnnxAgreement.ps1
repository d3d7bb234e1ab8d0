# The figures behind ONNX in and out (not a test; the xunit and Pester tests hold the same things to tolerances):
#  1. the README tour's Iris network, trained here, exported, and run in ONNX Runtime (the real runtime, from the
#     NuGet package the xunit tests restore): the largest difference from the module's probabilities, float64 and float32;
#  2. the PyTorch-trained Iris MLP of tests/fixtures/onnx, imported, then Invoke-BackpropStep: the largest difference
#     of its gradients from those PyTorch autograd recorded.
# Run after `dotnet pwsh ./build.ps1 Build` (or Test, which restores ONNX Runtime for the xunit tests):
#   dotnet pwsh ./tools/Measure/Measure-OnnxAgreement.ps1 [-ModulePath ./out/BackpropPS]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/BackpropPS'),
    [switch] $InChild
)

$packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
$native = Join-Path $packages 'microsoft.ml.onnxruntime/1.32.0/runtimes/linux-x64/native'
if (-not $InChild) {
    # ONNX Runtime's managed library finds its native one through the loader's path, which is read when a process starts.
    $env:LD_LIBRARY_PATH = $native + [IO.Path]::PathSeparator + $env:LD_LIBRARY_PATH
    $executable = [Environment]::ProcessPath
    # Under `dotnet pwsh` the process is the dotnet host, which needs pwsh.dll as its first argument.
    $arguments = @(if ([IO.Path]::GetFileNameWithoutExtension($executable) -eq 'dotnet') { [Reflection.Assembly]::GetEntryAssembly().Location })
    & $executable @arguments -NoProfile -File $PSCommandPath -ModulePath $ModulePath -InChild
    exit $LASTEXITCODE
}

$ErrorActionPreference = 'Stop'
Import-Module (Resolve-Path $ModulePath).Path
$work = Join-Path ([IO.Path]::GetTempPath()) ('backprop-onnx-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
New-Item -ItemType Directory -Path $work | Out-Null

# A few lines of C#: ONNX Runtime's API is generic and takes spans, which PowerShell does not call directly.
$runtime = Join-Path $packages 'microsoft.ml.onnxruntime.managed/1.32.0/lib/net8.0/Microsoft.ML.OnnxRuntime.dll'
Add-Type -Path $runtime
Add-Type -ReferencedAssemblies $runtime, 'System.Linq', 'System.Runtime', 'System.Collections', 'System.Memory' -IgnoreWarnings -WarningAction SilentlyContinue -TypeDefinition @"
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
public static class OnnxRuntimeRun
{
    public static double[] Run(string path, double[] flat, int rows, int columns, bool single)
    {
        using (var session = new InferenceSession(path))
        {
            var input = single
                ? NamedOnnxValue.CreateFromTensor("input", new DenseTensor<float>(flat.Select(v => (float)v).ToArray(), new[] { rows, columns }))
                : NamedOnnxValue.CreateFromTensor("input", new DenseTensor<double>(flat, new[] { rows, columns }));
            using (var results = session.Run(new[] { input }))
                return single ? results.First().AsEnumerable<float>().Select(v => (double)v).ToArray() : results.First().AsEnumerable<double>().ToArray();
        }
    }
}
"@

function Invoke-OnnxRuntime([string] $Path, [double[][]] $Rows, [bool] $Single) {
    [OnnxRuntimeRun]::Run($Path, [double[]]($Rows | ForEach-Object { $_ }), $Rows.Count, $Rows[0].Count, $Single)
}

# 1. The tour's Iris network in ONNX Runtime.
$model = New-BackpropNetwork -LayerSize 4, 8, 3 -Activation Tanh, Softmax -Seed 3
$iris = Get-BackpropDataset Iris
$run = $iris | Invoke-BackpropTraining -Network $model -TargetColumn species -Optimizer Adam -LearningRate 0.01 -Epochs 300 -BatchSize 16 -ValidationFraction 0.2 -Seed 3 -Standardize
$trained = $run[-1].Network
$ours = [double[]]@($iris | Invoke-BackpropPrediction -Network $trained | ForEach-Object { $_.Probability_setosa; $_.Probability_versicolor; $_.Probability_virginica })
$rows = [double[][]]@($iris | ForEach-Object { , [double[]]($_.sepal_length, $_.sepal_width, $_.petal_length, $_.petal_width) })
foreach ($precision in 'Double', 'Single') {
    $path = Join-Path $work "iris-$precision.onnx"
    $trained | Export-BackpropOnnx -Path $path -Precision $precision
    $theirs = Invoke-OnnxRuntime $path $rows ($precision -eq 'Single')
    $absolute = 0.0; $relative = 0.0; $agree = 0
    for ($k = 0; $k -lt $ours.Count; $k++) {
        $d = [math]::Abs($ours[$k] - $theirs[$k])
        $absolute = [math]::Max($absolute, $d)
        if ($ours[$k] -ne 0) { $relative = [math]::Max($relative, $d / [math]::Abs($ours[$k])) }
    }
    for ($r = 0; $r -lt 150; $r++) {
        $a = $ours[(3 * $r)..(3 * $r + 2)]; $b = $theirs[(3 * $r)..(3 * $r + 2)]
        if ([array]::IndexOf($a, ($a | Measure-Object -Maximum).Maximum) -eq [array]::IndexOf($b, ($b | Measure-Object -Maximum).Maximum)) { $agree++ }
    }
    "Iris (the tour's network, 300 epochs) in ONNX Runtime 1.32, $precision`: " +
        ('max |difference| {0:E2}, max relative {1:E2} over 450 probabilities; same class for {2} of 150 flowers; {3} bytes' -f $absolute, $relative, $agree, (Get-Item $path).Length)
}

# 2. PyTorch's Iris MLP, imported; Invoke-BackpropStep's gradients against autograd's.
$fixtures = Join-Path $PSScriptRoot '../../tests/fixtures/onnx'
foreach ($name in 'iris_tanh_softmax_gemm', 'relu_leaky_sigmoid_matmul', 'nobias_sigmoid_linear_float64') {
    $recorded = Get-Content -Raw (Join-Path $fixtures "$name.json") | ConvertFrom-Json
    $net = Import-BackpropOnnx (Join-Path $fixtures "$name.onnx")
    $step = $net | Invoke-BackpropStep -Input $recorded.input -Target $recorded.target -Loss $recorded.loss_function -LearningRate 0.1
    $absolute = 0.0; $relative = 0.0; $count = 0; $largest = 0.0
    for ($l = 0; $l -lt $recorded.layers.Count; $l++) {
        $pairs = @(, @($step.Gradient.WeightGradient[$l].ToArray(), @($recorded.layers[$l].weight_gradient | ForEach-Object { $_ })))
        if ($null -ne $recorded.layers[$l].bias_gradient) { $pairs += , @($step.Gradient.BiasGradient[$l].ToArray(), @($recorded.layers[$l].bias_gradient)) }
        foreach ($pair in $pairs) {
            for ($k = 0; $k -lt $pair[1].Count; $k++) {
                $d = [math]::Abs($pair[0][$k] - $pair[1][$k]); $count++
                $absolute = [math]::Max($absolute, $d); $largest = [math]::Max($largest, [math]::Abs($pair[1][$k]))
                if ($pair[1][$k] -ne 0) { $relative = [math]::Max($relative, $d / [math]::Abs($pair[1][$k])) }
            }
        }
    }
    "PyTorch's $name ($($net.Shape), $($recorded.onnx_form)), Invoke-BackpropStep against autograd: " +
        ('max |difference| {0:E2} over {1} gradients (largest {2:E2}), max relative {3:E2}; loss {4:R} against {5:R}' -f $absolute, $count, $largest, $relative, $step.Loss, $recorded.loss)
}
Remove-Item -Recurse -Force $work
